package dev.gearbox.providers.http;

import java.time.Duration;

/**
 * Bounds of one origin's connection pool.
 *
 * @param maxConnections  open connections per origin, busy or idle
 * @param maxPending      requests allowed to wait for a connection; beyond that a request fails fast
 * @param maxIdleTime     an idle connection older than this is closed instead of reused, because
 *                        servers drop idle keep-alive connections and a dead one costs a retry
 */
public record PoolSettings(int maxConnections, int maxPending, Duration maxIdleTime) {
    public static final PoolSettings DEFAULT = new PoolSettings(64, 1024, Duration.ofSeconds(50));

    public PoolSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
        if (maxPending < 0) {
            throw new IllegalArgumentException("maxPending must be >= 0");
        }
        if (maxIdleTime == null || maxIdleTime.isNegative()) {
            throw new IllegalArgumentException("maxIdleTime must be >= 0");
        }
    }
}
