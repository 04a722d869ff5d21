package dev.gearbox.server.cli;

import dev.gearbox.config.ConfigException;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gearbox validate --config FILE}: checks a configuration without starting anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Check a configuration file and print every problem (exit 2) or a summary (exit 0).")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The YAML configuration to check.")
    private Path config;

    @Override
    public Integer call() {
        try {
            GearboxConfig loaded = ConfigLoader.load(config);
            spec.commandLine().getOut().println("OK: " + ConfigReport.summary(loaded));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigException e) {
            ConfigReport.errors(spec.commandLine().getErr(), e);
            return ConfigException.EXIT_CODE;
        }
    }
}
