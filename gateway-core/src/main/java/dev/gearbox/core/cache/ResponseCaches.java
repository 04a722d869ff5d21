package dev.gearbox.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.CacheConfig;
import java.util.Optional;

/**
 * The caches a configuration turns on (either may be off), shared by the caching stage and the
 * admin endpoint that empties them.
 */
public final class ResponseCaches {
    private final ExactCache exact;
    private final SemanticCache semantic;

    public ResponseCaches(ExactCache exact, SemanticCache semantic) {
        this.exact = exact;
        this.semantic = semantic;
    }

    /** The caches {@code config} enables; {@code dimension} is the embedding size of the semantic cache. */
    public static ResponseCaches create(CacheConfig config, int dimension, Ticker ticker) {
        return new ResponseCaches(config.exact().enabled() ? new ExactCache(config.exact(), ticker) : null,
                config.semantic().enabled() ? new SemanticCache(config.semantic(), dimension, ticker) : null);
    }

    public Optional<ExactCache> exact() {
        return Optional.ofNullable(exact);
    }

    public Optional<SemanticCache> semantic() {
        return Optional.ofNullable(semantic);
    }

    /** Empties both caches. */
    public Cleared clear() {
        return new Cleared(exact == null ? 0 : exact.clear(), semantic == null ? 0 : semantic.clear());
    }

    /** Drops one tenant's entries from both caches. */
    public Cleared clear(String tenant) {
        return new Cleared(exact == null ? 0 : exact.clear(tenant), semantic == null ? 0 : semantic.clear(tenant));
    }

    /** How many entries a clear removed from each cache. */
    public record Cleared(long exact, long semantic) {
    }
}
