package dev.gearbox.config;

import java.util.List;

/** Binds the optional {@code server} section; absent keys take {@link ServerConfig#DEFAULT}'s values. */
final class ServerBinder {
    static final String SECTION = "server";
    private static final List<String> KEYS = List.of("host", "port", "max_body_bytes", "idle_timeout", "log_prompts");

    private ServerBinder() {
    }

    static ServerConfig bind(ConfigReader root) {
        ServerConfig d = ServerConfig.DEFAULT;
        return root.object(SECTION).map(server -> {
            server.rejectUnknownKeys(KEYS);
            String host = server.string("host").orElse(d.host());
            if (host.isBlank()) {
                server.error("host", "must not be empty");
            }
            int port = server.integer("port").filter(p -> {
                boolean ok = p >= 1 && p <= 65535;
                if (!ok) {
                    server.error("port", "must be between 1 and 65535, got " + p);
                }
                return ok;
            }).map(Long::intValue).orElse(d.port());
            int maxBodyBytes = server.positiveByteSize("max_body_bytes").filter(b -> {
                boolean ok = b <= Integer.MAX_VALUE;
                if (!ok) {
                    server.error("max_body_bytes", "must be at most " + Integer.MAX_VALUE + " bytes, got " + b);
                }
                return ok;
            }).map(Long::intValue).orElse(d.maxBodyBytes());
            return new ServerConfig(host, port, maxBodyBytes,
                    server.positiveDuration("idle_timeout").orElse(d.idleTimeout()),
                    server.bool("log_prompts").orElse(d.logPrompts()));
        }).orElse(d);
    }
}
