package dev.gearbox.server;

import dev.gearbox.server.cli.EvalCascadeCommand;
import dev.gearbox.server.cli.EvalCommand;
import dev.gearbox.server.cli.GearboxVersion;
import dev.gearbox.server.cli.HealthCommand;
import dev.gearbox.server.cli.ReportCommand;
import dev.gearbox.server.cli.ScoreCommand;
import dev.gearbox.server.cli.ServeCommand;
import dev.gearbox.server.cli.TrainCommand;
import dev.gearbox.server.cli.ValidateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code gearbox} command line: {@code serve}, {@code validate}, {@code report}, the router's {@code train},
 * {@code score} and {@code eval}, the cascade's offline {@code eval-cascade}, and {@code health} (the container's
 * health probe). Without a command it
 * serves, taking serve's options, so {@code java -jar gearbox.jar} starts a demo on simulated
 * deployments and {@code gearbox --config gearbox.yaml} serves that file.
 */
@Command(name = "gearbox", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "OpenAI-compatible gateway that routes each chat request to the cheapest model tier able to answer it.",
        subcommands = {ServeCommand.class, ValidateCommand.class, TrainCommand.class, ScoreCommand.class,
            EvalCommand.class, EvalCascadeCommand.class, ReportCommand.class, HealthCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Serve this YAML configuration (see serve --help).")
    private Path config;

    @Option(names = "--port", paramLabel = "N", description = "Listen on this port instead of the configured one.")
    private Integer port;

    public static void main(String[] args) {
        // eval draws its plot into an image in memory: never look for a display
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for in-process use (tests set its output writers). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** No command given: serve, passing the options on. */
    @Override
    public Integer call() {
        List<String> serveArgs = new ArrayList<>();
        if (config != null) {
            serveArgs.addAll(List.of("--config", config.toString()));
        }
        if (port != null) {
            serveArgs.addAll(List.of("--port", port.toString()));
        }
        return spec.commandLine().getSubcommands().get("serve").execute(serveArgs.toArray(String[]::new));
    }
}
