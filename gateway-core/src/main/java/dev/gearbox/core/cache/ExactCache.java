package dev.gearbox.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.ExactCacheConfig;
import java.util.Optional;

/**
 * Stored answers by {@link ExactKey}: Caffeine bounded by the answers' estimated bytes (W-TinyLFU
 * eviction), each expiring its TTL after it was stored. Thread-safe; a lookup is a hash map read.
 */
public final class ExactCache {
    private final Cache<ExactKey, CachedAnswer> answers;

    /** @param ticker the time source for expiry (nanoseconds; tests pass a settable one) */
    public ExactCache(ExactCacheConfig config, Ticker ticker) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher((ExactKey key, CachedAnswer answer) -> (int) Math.min(Integer.MAX_VALUE,
                        answer.bytes() + 2L * (key.tenant().length() + key.digest().length())))
                .expireAfterWrite(config.ttl())
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    public Optional<CachedAnswer> get(ExactKey key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    public void put(ExactKey key, CachedAnswer answer) {
        answers.put(key, answer);
    }

    /** Drops every entry; returns how many there were. */
    public long clear() {
        long size = answers.estimatedSize();
        answers.invalidateAll();
        return size;
    }

    /** Drops the tenant's entries; returns how many. */
    public long clear(String tenant) {
        long[] removed = {0};
        answers.asMap().keySet().removeIf(k -> {
            boolean match = k.tenant().equals(tenant);
            if (match) {
                removed[0]++;
            }
            return match;
        });
        return removed[0];
    }

    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
