package dev.gearbox.server.cli;

import dev.gearbox.classifier.runtime.RouterLoadException;
import dev.gearbox.config.ConfigException;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.server.GearboxApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gearbox serve [--config FILE] [--port N]}: starts the gateway and runs until the process
 * is asked to stop (SIGTERM, Ctrl-C), then drains requests in flight. Without a config file it
 * serves the built-in default, whose deployments are simulated. A bad config prints every error
 * and exits 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Start the gateway.")
public final class ServeCommand implements Callable<Integer> {
    /** Exit code when the server cannot start (port in use, provider setup failure). */
    static final int EXIT_CANNOT_START = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration; without it the built-in default with SIMULATED deployments is used.")
    private Path config;

    @Option(names = "--port", paramLabel = "N", description = "Listen on this port instead of the configured one (0: any free port).")
    private Integer port;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65_535)) {
            spec.commandLine().getErr().println("--port: must be between 0 and 65535, got " + port);
            return ConfigException.EXIT_CODE;
        }
        GearboxConfig loaded;
        try {
            loaded = withPort(config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config));
        } catch (ConfigException e) {
            ConfigReport.errors(spec.commandLine().getErr(), e);
            return ConfigException.EXIT_CODE;
        }
        if (config == null) {
            LOG.info("No --config given: serving the built-in default configuration, whose deployments are "
                    + "SIMULATED (no network, no API keys). " + ConfigReport.summary(loaded));
        } else {
            LOG.info("Configuration {}: {}", config, ConfigReport.summary(loaded));
        }
        GearboxApp app;
        try {
            app = GearboxApp.start(loaded);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("gearbox cannot start: " + describe(e));
            return EXIT_CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app), "gearbox-shutdown"));
        app.awaitStopped();
        return 0;
    }

    private GearboxConfig withPort(GearboxConfig loaded) {
        if (port == null) {
            return loaded;
        }
        ServerConfig s = loaded.server();
        return new GearboxConfig(new ServerConfig(s.host(), port, s.maxBodyBytes(), s.idleTimeout(), s.logPrompts()),
                loaded.deployments(), loaded.tiers(), loaded.routing(), loaded.router()).withCache(loaded.cache());
    }

    private static void stop(GearboxApp app) {
        try {
            app.stop(GearboxApp.DEFAULT_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One line, not a stack trace: a router load failure's own message (it names the config field),
     * else the root cause ("Address already in use").
     */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RouterLoadException) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
