package dev.gearbox.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The semantic cache: a request whose last user message is close enough (cosine similarity at least
 * {@code threshold}) to a stored one in the same scope gets that answer. Bounded by entries and by
 * estimated bytes, entries expire {@code ttl} after they were stored. Only requests whose
 * temperature is at most {@code maxTemperature} take part; a request without a temperature counts
 * as {@link #PROVIDER_DEFAULT_TEMPERATURE}, the OpenAI default.
 */
public record SemanticCacheConfig(boolean enabled, double threshold, int maxEntries, long maxBytes, Duration ttl,
                                  double maxTemperature) {
    /** Chosen by measurement on the correctness set (docs/caches.md). */
    public static final double DEFAULT_THRESHOLD = 0.92;
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final double DEFAULT_MAX_TEMPERATURE = 0.3;
    /** What a request without {@code temperature} samples at (OpenAI's documented default). */
    public static final double PROVIDER_DEFAULT_TEMPERATURE = 1.0;
    public static final SemanticCacheConfig DISABLED = new SemanticCacheConfig(false, DEFAULT_THRESHOLD,
            DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES, DEFAULT_TTL, DEFAULT_MAX_TEMPERATURE);

    public SemanticCacheConfig {
        Objects.requireNonNull(ttl, "ttl");
    }

    /** Whether a request with this temperature (null: not sent) may be served or stored semantically. */
    public boolean eligibleTemperature(Double temperature) {
        return (temperature == null ? PROVIDER_DEFAULT_TEMPERATURE : temperature) <= maxTemperature;
    }
}
