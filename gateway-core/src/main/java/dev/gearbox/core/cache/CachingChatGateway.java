package dev.gearbox.core.cache;

import dev.gearbox.config.CacheConfig;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.AnswerChunks;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.provider.StreamHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cache stage in front of a {@link ChatGateway}: looks the request up (exact, then semantic),
 * answers a hit itself (a stream hit is replayed chunk by chunk) and otherwise asks the inner
 * gateway, storing its answer once complete. Every route it reports carries its
 * {@link CacheResult}: a hit names the tier and deployment that first produced the answer and has no
 * attempts (it cost nothing). Streams are stored only when they completed cleanly; errors, cut and
 * cancelled streams never are.
 */
public final class CachingChatGateway implements ChatGateway {
    private final ChatGateway inner;
    private final CacheLookup lookup;

    /**
     * @param embedder the request embedding for the semantic cache (unused when it is off)
     * @param writer   runs semantic stores (graph inserts), off the request's thread
     */
    public CachingChatGateway(ChatGateway inner, ResponseCaches caches, CacheConfig config, ConversationEmbedder embedder,
                              Executor writer, GatewayMetrics metrics) {
        this.inner = inner;
        this.lookup = new CacheLookup(caches, new SemanticScopes(config.semantic()), embedder,
                new StorePolicy(config.exact().storeNonStop()), writer, metrics);
    }

    @Override
    public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
        if (CacheBypass.requested(context)) {
            lookup.bypassed();
            return forward(request, context, StorePlan.none(), CacheResult.BYPASS);
        }
        CompletableFuture<GatewayResponse> result = new CompletableFuture<>();
        CompletableFuture<Lookup> found = lookup.lookup(request, context);
        found.whenComplete((l, error) -> {
            if (result.isDone()) {
                return; // cancelled while embedding
            }
            if (error != null) {
                result.completeExceptionally(error);
            } else if (l instanceof Lookup.Hit hit) {
                result.complete(new GatewayResponse(answered(hit.answer().response(), context), hitRoute(hit)));
            } else {
                relay(forward(request, context, ((Lookup.Miss) l).plan(), CacheResult.MISS), result);
            }
        });
        return result;
    }

    @Override
    public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener) {
        if (CacheBypass.requested(context)) {
            lookup.bypassed();
            return inner.stream(request, context, new StoringListener(listener, CacheResult.BYPASS, StorePlan.none(),
                    request.includeUsage()));
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<StreamHandle> upstream = new AtomicReference<>();
        lookup.lookup(request, context).whenComplete((l, error) -> {
            if (cancelled.get()) {
                return;
            }
            if (l instanceof Lookup.Hit hit) {
                replay(hit, request, context, listener);
                return;
            }
            StorePlan plan = l == null ? StorePlan.none() : ((Lookup.Miss) l).plan();
            // ask for usage even when the client did not, so the stored answer has it; the listener hides it
            ChatRequest sent = plan.storesAnything() && !request.includeUsage() ? request.withStream(true, true) : request;
            upstream.set(inner.stream(sent, context, new StoringListener(listener, CacheResult.MISS, plan,
                    request.includeUsage())));
            if (cancelled.get()) {
                upstream.get().cancel();
            }
        });
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                StreamHandle handle = upstream.get();
                if (handle != null) {
                    handle.cancel();
                }
            }
        };
    }

    private CompletableFuture<GatewayResponse> forward(ChatRequest request, RequestContext context, StorePlan plan,
                                                       CacheResult status) {
        CompletableFuture<GatewayResponse> answer = inner.complete(request, context);
        CompletableFuture<GatewayResponse> result = new CompletableFuture<>();
        answer.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            plan.store(response.response(), response.route());
            result.complete(new GatewayResponse(response.response(), response.route().withCache(status)));
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                answer.cancel(true);
            }
        });
        return result;
    }

    private static void relay(CompletableFuture<GatewayResponse> from, CompletableFuture<GatewayResponse> to) {
        to.whenComplete((r, e) -> {
            if (to.isCancelled()) {
                from.cancel(true);
            }
        });
        from.whenComplete((r, e) -> {
            if (e != null) {
                to.completeExceptionally(e);
            } else {
                to.complete(r);
            }
        });
    }

    private static void replay(Lookup.Hit hit, ChatRequest request, RequestContext context, GatewayStreamListener listener) {
        RouteInfo route = hitRoute(hit);
        listener.onStart(route);
        for (ChatChunk chunk : AnswerChunks.of(answered(hit.answer().response(), context), request.includeUsage())) {
            listener.onChunk(chunk);
        }
        listener.onComplete(route);
    }

    /**
     * A hit's route: where the answer first came from and how that was decided (so the hit counts
     * under its request class), no attempts, nothing spent upstream.
     */
    private static RouteInfo hitRoute(Lookup.Hit hit) {
        return new RouteInfo(hit.answer().tier(), hit.answer().deployment(), List.of(), 0L, hit.answer().decision())
                .withCache(hit.result());
    }

    /** The stored answer under this request's own id; usage and everything else as stored. */
    private static ChatResponse answered(ChatResponse stored, RequestContext context) {
        if (context.requestId() == null) {
            return stored;
        }
        return new ChatResponse("chatcmpl-" + context.requestId(), stored.created(), stored.model(), stored.choices(),
                stored.usage(), stored.systemFingerprint(), stored.extra());
    }

    /**
     * Passes a routed stream on with the cache status in its route, collects its chunks and stores
     * the answer once it completed. Hides the usage the stage asked for when the client did not.
     */
    private static final class StoringListener implements GatewayStreamListener {
        private final GatewayStreamListener delegate;
        private final CacheResult status;
        private final StorePlan plan;
        private final boolean clientWantsUsage;
        private final StreamAssembler assembler = new StreamAssembler();

        StoringListener(GatewayStreamListener delegate, CacheResult status, StorePlan plan, boolean clientWantsUsage) {
            this.delegate = delegate;
            this.status = status;
            this.plan = plan;
            this.clientWantsUsage = clientWantsUsage;
        }

        @Override
        public void onStart(RouteInfo route) {
            delegate.onStart(route.withCache(status));
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            if (plan.storesAnything()) {
                assembler.add(chunk);
            }
            if (clientWantsUsage || chunk.usage() == null) {
                delegate.onChunk(chunk);
            } else if (!chunk.choices().isEmpty()) {
                delegate.onChunk(new ChatChunk(chunk.id(), chunk.created(), chunk.model(), chunk.choices(), null,
                        chunk.systemFingerprint(), chunk.extra()));
            }
        }

        @Override
        public void onComplete(RouteInfo route) {
            delegate.onComplete(route.withCache(status));
            if (plan.storesAnything()) {
                assembler.response().ifPresent(response -> plan.store(response, route));
            }
        }

        @Override
        public void onError(dev.gearbox.core.error.GatewayException error, boolean committed) {
            delegate.onError(error, committed);
        }
    }
}
