package dev.gearbox.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The exact cache: identical requests (same tenant, model and every generation parameter) get the
 * stored answer. {@code maxBytes} bounds the estimated size of the stored answers; entries expire
 * {@code ttl} after they were stored. Only answers whose every choice finished with {@code stop} are
 * stored, unless {@code storeNonStop} (then any finished choice, e.g. {@code length} or {@code tool_calls}).
 */
public record ExactCacheConfig(boolean enabled, long maxBytes, Duration ttl, boolean storeNonStop) {
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final ExactCacheConfig DISABLED = new ExactCacheConfig(false, DEFAULT_MAX_BYTES, DEFAULT_TTL, false);

    public ExactCacheConfig {
        Objects.requireNonNull(ttl, "ttl");
    }
}
