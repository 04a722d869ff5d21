package dev.gearbox.core.cache;

import java.util.Objects;

/**
 * The cache outcome of one request: the status and, for a semantic hit, the cosine similarity of
 * the stored entry that answered (null otherwise).
 */
public record CacheResult(CacheStatus status, Double similarity) {
    public static final CacheResult MISS = new CacheResult(CacheStatus.MISS, null);
    public static final CacheResult BYPASS = new CacheResult(CacheStatus.BYPASS, null);
    public static final CacheResult HIT_EXACT = new CacheResult(CacheStatus.HIT_EXACT, null);

    public CacheResult {
        Objects.requireNonNull(status, "status");
    }

    public static CacheResult semanticHit(double similarity) {
        return new CacheResult(CacheStatus.HIT_SEMANTIC, similarity);
    }
}
