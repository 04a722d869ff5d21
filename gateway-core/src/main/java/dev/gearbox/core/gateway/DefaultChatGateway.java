package dev.gearbox.core.gateway;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.fallback.FallbackExecutor;
import dev.gearbox.core.fallback.FallbackRule;
import dev.gearbox.core.fallback.StreamFallbackExecutor;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.metrics.MeterTags;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.routing.AttemptPlanner;
import dev.gearbox.core.routing.Candidate;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.routing.DeploymentRegistry;
import dev.gearbox.core.routing.ModelResolver;
import dev.gearbox.core.routing.RoutingPolicy;
import dev.gearbox.core.routing.TierSelector;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The foundation pipeline: route (resolve the model, pick the tier, plan the deployments), then
 * attempt with fallback, and count the request. Caches, classifier and cascade become further
 * stages around the routing step.
 */
public final class DefaultChatGateway implements ChatGateway {
    private final RoutingPolicy routing;
    private final FallbackExecutor executor;
    private final StreamFallbackExecutor streamExecutor;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    public DefaultChatGateway(RoutingPolicy routing, FallbackExecutor executor, StreamFallbackExecutor streamExecutor,
                              GatewayMetrics metrics, LongSupplier nanoTime) {
        this.routing = routing;
        this.executor = executor;
        this.streamExecutor = streamExecutor;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /**
     * The gateway for one configuration: {@code auto} goes to {@code routing.defaultTier}, the
     * default fallback rule applies, time is {@link System#nanoTime()} (the base of
     * {@link RequestContext#startNanos()}). {@code health} may be shared across config reloads.
     */
    public static DefaultChatGateway create(GearboxConfig config, DeploymentRegistry registry, DeploymentHealth health,
                                            GatewayMetrics metrics, Clock clock) {
        LongSupplier nanoTime = System::nanoTime;
        RoutingPolicy routing = new RoutingPolicy(new ModelResolver(config),
                TierSelector.fixed(config.routing().defaultTier()),
                new AttemptPlanner(config, registry, health, clock));
        FallbackRule rule = FallbackRule.onRetryable();
        return new DefaultChatGateway(routing, new FallbackExecutor(rule, health, metrics, nanoTime),
                new StreamFallbackExecutor(rule, health, metrics, nanoTime), metrics, nanoTime);
    }

    @Override
    public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
        List<Candidate> candidates;
        try {
            candidates = routing.candidates(request, context);
        } catch (GatewayException e) {
            record(context, null, null, e.kind().metricTag(), false);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<GatewayResponse> result = executor.execute(request, candidates);
        result.whenComplete((response, error) -> {
            if (error == null) {
                record(context, response.route().tier(), response.route().deployment(), MeterTags.OK, false);
            } else {
                record(context, null, null, outcome(error), false);
            }
        });
        return result;
    }

    /**
     * Routes and streams. The listener may be called before this method returns: an unknown model
     * ends it at once with {@code onError(e, false)}, and a provider may answer synchronously.
     */
    @Override
    public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener) {
        List<Candidate> candidates;
        try {
            candidates = routing.candidates(request, context);
        } catch (GatewayException e) {
            record(context, null, null, e.kind().metricTag(), true);
            listener.onError(e, false);
            return () -> { };
        }
        MeteredListener metered = new MeteredListener(listener, context);
        StreamHandle handle = streamExecutor.execute(request, candidates, metered);
        return () -> {
            handle.cancel();
            metered.cancelled();
        };
    }

    private void record(RequestContext context, Tier tier, String deployment, String outcome, boolean stream) {
        metrics.request(tier, deployment, outcome, stream, nanoTime.getAsLong() - context.startNanos());
    }

    private static String outcome(Throwable error) {
        return error instanceof CancellationException ? MeterTags.CANCELLED
                : GatewayMetrics.outcome(GatewayException.from(error).kind());
    }

    /** Counts a stream once, however it ends: completed, failed or cancelled by the client. */
    private final class MeteredListener implements GatewayStreamListener {
        private final GatewayStreamListener delegate;
        private final RequestContext context;
        private final AtomicBoolean counted = new AtomicBoolean();
        private volatile RouteInfo started;

        MeteredListener(GatewayStreamListener delegate, RequestContext context) {
            this.delegate = delegate;
            this.context = context;
        }

        @Override
        public void onStart(RouteInfo route) {
            started = route;
            delegate.onStart(route);
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            delegate.onChunk(chunk);
        }

        @Override
        public void onComplete(RouteInfo route) {
            count(route.tier(), route.deployment(), MeterTags.OK);
            delegate.onComplete(route);
        }

        @Override
        public void onError(GatewayException error, boolean committed) {
            RouteInfo route = started;
            count(route == null ? null : route.tier(), route == null ? null : route.deployment(),
                    error.kind().metricTag());
            delegate.onError(error, committed);
        }

        void cancelled() {
            RouteInfo route = started;
            count(route == null ? null : route.tier(), route == null ? null : route.deployment(),
                    MeterTags.CANCELLED);
        }

        private void count(Tier tier, String deployment, String outcome) {
            if (counted.compareAndSet(false, true)) {
                record(context, tier, deployment, outcome, true);
            }
        }
    }
}
