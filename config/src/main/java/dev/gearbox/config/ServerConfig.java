package dev.gearbox.config;

import java.time.Duration;

/**
 * The HTTP server: bind address and port, the largest request body accepted (413 beyond),
 * how long an idle client connection stays open, and whether prompt text may appear in logs.
 */
public record ServerConfig(String host, int port, int maxBodyBytes, Duration idleTimeout, boolean logPrompts) {
    public static final ServerConfig DEFAULT =
            new ServerConfig("0.0.0.0", 8080, 4 * 1024 * 1024, Duration.ofSeconds(120), false);
}
