package dev.gearbox.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.SemanticCacheConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stored answers found by meaning: per {@link SemanticScope}, a vector index of the embedded prompts;
 * a lookup takes the most similar entries at or above the threshold and returns the first whose
 * prompt the {@link LexicalGuard} agrees with, or, when the embedder did not read all of either
 * prompt, whose prompt has the same words. Entries live in one Caffeine cache bounded by
 * estimated bytes and, through a minimum weight of {@code max_bytes / max_entries} per entry, by
 * count; they expire their TTL after being stored, and an evicted entry leaves its scope's index
 * at once. Thread-safe: lookups run concurrently; {@link #store} may be called from any thread
 * (callers keep it off event loops: a graph insert takes about a millisecond).
 */
public final class SemanticCache {
    /** Neighbours checked by the guard before giving up: near-duplicates cluster, a few suffice. */
    static final int CANDIDATES = 4;
    /** The vector, the prompt's signature and the bookkeeping around them, besides the answer and prompt. */
    private static final int ENTRY_OVERHEAD = 512;

    private final SemanticCacheConfig config;
    private final int dimension;
    private final int graphFrom;
    private final LexicalGuard guard = new LexicalGuard();
    private final Map<SemanticScope, ScopeIndex> scopes = new ConcurrentHashMap<>();
    private final Cache<Long, Entry> entries;
    private final AtomicLong ids = new AtomicLong();

    public SemanticCache(SemanticCacheConfig config, int dimension, Ticker ticker) {
        this(config, dimension, ticker, ScopeIndex.DEFAULT_GRAPH_FROM);
    }

    SemanticCache(SemanticCacheConfig config, int dimension, Ticker ticker, int graphFrom) {
        this.config = config;
        this.dimension = dimension;
        this.graphFrom = graphFrom;
        long minWeight = Math.max(1, config.maxBytes() / config.maxEntries());
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher((Long id, Entry e) -> (int) Math.min(Integer.MAX_VALUE, Math.max(minWeight, e.bytes())))
                .expireAfterWrite(config.ttl())
                .ticker(ticker)
                .executor(Runnable::run)
                .removalListener((Long id, Entry e, RemovalCause cause) -> {
                    if (id != null && e != null) {
                        unindex(id, e.scope());
                    }
                })
                .build();
    }

    /** The best stored answer for this prompt in this scope, if one is similar enough and the guard agrees. */
    public Optional<SemanticMatch> lookup(SemanticScope scope, PromptEmbedding embedding, String prompt) {
        ScopeIndex index = scopes.get(scope);
        if (index == null) {
            return Optional.empty();
        }
        LexicalSignature signature = null;
        for (VectorIndex.Neighbour n : index.search(embedding.vector(), (float) config.threshold(), CANDIDATES)) {
            Entry entry = entries.getIfPresent(n.id());
            if (entry == null) {
                continue; // expired; the removal listener takes it out of the index
            }
            if (signature == null) {
                signature = LexicalSignature.of(prompt);
            }
            if (guard.agree(signature, embedding.whole(), entry.signature(), entry.whole())) {
                return Optional.of(new SemanticMatch(entry.answer(), n.similarity()));
            }
        }
        return Optional.empty();
    }

    public void store(SemanticScope scope, PromptEmbedding embedding, String prompt, CachedAnswer answer) {
        float[] vector = embedding.vector();
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " dimensions, got " + vector.length);
        }
        long id = ids.incrementAndGet();
        Entry entry = new Entry(scope, LexicalSignature.of(prompt), embedding.whole(), answer,
                ENTRY_OVERHEAD + 4L * vector.length + 2L * prompt.length() + answer.bytes());
        scopes.compute(scope, (s, index) -> {
            ScopeIndex target = index != null ? index : new ScopeIndex(dimension, graphFrom);
            target.add(id, vector);
            return target;
        });
        entries.put(id, entry);
    }

    /** Drops every entry; returns how many there were. */
    public long clear() {
        long size = size();
        entries.invalidateAll();
        scopes.clear();
        return size;
    }

    /** Drops the tenant's entries; returns how many. */
    public long clear(String tenant) {
        long[] removed = {0};
        entries.asMap().entrySet().removeIf(e -> {
            boolean match = e.getValue().scope().tenant().equals(tenant);
            if (match) {
                removed[0]++;
            }
            return match;
        });
        scopes.keySet().removeIf(scope -> scope.tenant().equals(tenant));
        return removed[0];
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Scopes currently holding entries (for tests and the admin answer). */
    int scopeCount() {
        return scopes.size();
    }

    private void unindex(long id, SemanticScope scope) {
        scopes.computeIfPresent(scope, (s, index) -> {
            index.remove(id);
            return index.size() == 0 ? null : index;
        });
    }

    private record Entry(SemanticScope scope, LexicalSignature signature, boolean whole, CachedAnswer answer, long bytes) {
    }
}
