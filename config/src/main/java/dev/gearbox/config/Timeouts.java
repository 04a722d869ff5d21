package dev.gearbox.config;

import java.time.Duration;

/**
 * Per-deployment upstream timeouts: to open a connection, to receive the first byte of the
 * response (for a stream, the first event), and for the whole call.
 */
public record Timeouts(Duration connect, Duration firstByte, Duration total) {
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(300));
}
