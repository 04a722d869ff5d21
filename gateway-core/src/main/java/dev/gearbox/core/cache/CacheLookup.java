package dev.gearbox.core.cache;

import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.metrics.MeterTags;
import dev.gearbox.core.model.ChatRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Looks a request up: the exact cache first (a hash and a map read, on the caller's thread), then,
 * for an eligible request, the semantic cache with the request's embedding (the
 * {@link ConversationEmbedder} computes it and runs the search on its own executor). An embedding
 * that fails or is rejected is a semantic miss. Counts every lookup in {@code gearbox.cache.requests}.
 */
final class CacheLookup {
    /** The tenant of a request whose context names none. */
    static final String NO_TENANT = "anonymous";

    private final ExactCache exact;
    private final SemanticCache semantic;
    private final SemanticScopes scopes;
    private final ConversationEmbedder embedder;
    private final StorePolicy policy;
    private final Executor writer;
    private final GatewayMetrics metrics;

    CacheLookup(ResponseCaches caches, SemanticScopes scopes, ConversationEmbedder embedder, StorePolicy policy,
                Executor writer, GatewayMetrics metrics) {
        this.exact = caches.exact().orElse(null);
        this.semantic = caches.semantic().orElse(null);
        this.scopes = scopes;
        this.embedder = embedder;
        this.policy = policy;
        this.writer = writer;
        this.metrics = metrics;
    }

    CompletableFuture<Lookup> lookup(ChatRequest request, RequestContext context) {
        String tenant = context.tenant() == null ? NO_TENANT : context.tenant();
        ExactKey key = null;
        if (exact != null) {
            key = ExactKey.of(tenant, request);
            Optional<CachedAnswer> hit = exact.get(key);
            metrics.cacheRequest(MeterTags.EXACT, hit.isPresent() ? MeterTags.HIT : MeterTags.MISS);
            if (hit.isPresent()) {
                return CompletableFuture.completedFuture(new Lookup.Hit(hit.get(), CacheResult.HIT_EXACT));
            }
        }
        Optional<SemanticScopes.SemanticQuery> query = semantic == null ? Optional.empty() : scopes.query(tenant, request);
        ExactKey exactKey = key;
        if (query.isEmpty()) {
            return CompletableFuture.completedFuture(new Lookup.Miss(plan(exactKey, null, null)));
        }
        SemanticScopes.SemanticQuery q = query.get();
        CompletableFuture<Lookup> searched;
        try {
            searched = embedder.embed(request, embedding -> search(q, embedding, exactKey));
        } catch (RuntimeException e) { // a rejected task: serve the request uncached rather than fail it
            searched = CompletableFuture.failedFuture(e);
        }
        return searched.exceptionally(error -> {
            metrics.cacheRequest(MeterTags.SEMANTIC, MeterTags.MISS);
            return new Lookup.Miss(plan(exactKey, null, null));
        });
    }

    /** The semantic search, on the embedder's thread. */
    private Lookup search(SemanticScopes.SemanticQuery q, PromptEmbedding embedding, ExactKey exactKey) {
        Optional<SemanticMatch> match = semantic.lookup(q.scope(), embedding, q.prompt());
        metrics.cacheRequest(MeterTags.SEMANTIC, match.isPresent() ? MeterTags.HIT : MeterTags.MISS);
        if (match.isPresent()) {
            metrics.cacheSimilarity(match.get().similarity());
            return new Lookup.Hit(match.get().answer(), CacheResult.semanticHit(match.get().similarity()));
        }
        return new Lookup.Miss(plan(exactKey, q, embedding));
    }

    /** Counts a request that skipped both caches. */
    void bypassed() {
        if (exact != null) {
            metrics.cacheRequest(MeterTags.EXACT, MeterTags.BYPASS);
        }
        if (semantic != null) {
            metrics.cacheRequest(MeterTags.SEMANTIC, MeterTags.BYPASS);
        }
    }

    private StorePlan plan(ExactKey key, SemanticScopes.SemanticQuery query, PromptEmbedding embedding) {
        return new StorePlan(exact, key, semantic, query, embedding, policy, writer);
    }
}
