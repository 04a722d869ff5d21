package dev.gearbox.server;

import dev.gearbox.server.cli.GearboxVersion;
import dev.gearbox.server.cli.ServeCommand;
import dev.gearbox.server.cli.ValidateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code gearbox} command line: {@code serve} (the default when no command is given, so
 * {@code java -jar gearbox.jar} starts a demo on simulated deployments) and {@code validate}.
 */
@Command(name = "gearbox", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "OpenAI-compatible gateway that routes each chat request to the cheapest model tier able to answer it.",
        subcommands = {ServeCommand.class, ValidateCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for in-process use (tests set its output writers). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** No command given: serve with the built-in default configuration. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("serve").execute();
    }
}
