package dev.gearbox.core.gateway;

import dev.gearbox.config.GateConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cascade.CascadeExecutor;
import dev.gearbox.core.cascade.CascadePolicy;
import dev.gearbox.core.cascade.DispatchPlan;
import dev.gearbox.core.cascade.EscalationHint;
import dev.gearbox.core.cascade.EscalationRateMonitor;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.cascade.gate.GateFactory;
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
import dev.gearbox.core.routing.RoutePlan;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.routing.DeploymentRegistry;
import dev.gearbox.core.routing.ModelResolver;
import dev.gearbox.core.routing.RoutingPolicy;
import dev.gearbox.core.routing.TierSelector;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The pipeline: route (resolve the model, decide the tier, plan the deployments), choose the
 * dispatch ({@link CascadePolicy}: route to that tier, or cascade from a cheap tier with quality
 * gates), attempt with fallback (or run the cascade), and count the request. Caches wrap this
 * gateway as decorators.
 */
public final class DefaultChatGateway implements ChatGateway {
    private final RoutingPolicy routing;
    private final FallbackExecutor executor;
    private final StreamFallbackExecutor streamExecutor;
    private final CascadePolicy cascadePolicy;
    private final CascadeExecutor cascadeExecutor;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    /** A gateway that never cascades. */
    public DefaultChatGateway(RoutingPolicy routing, FallbackExecutor executor, StreamFallbackExecutor streamExecutor,
                              GatewayMetrics metrics, LongSupplier nanoTime) {
        this(routing, executor, streamExecutor, CascadePolicy.disabled(), null, metrics, nanoTime);
    }

    /** {@code cascadeExecutor} may be null only when {@code cascadePolicy} never chooses a cascade. */
    public DefaultChatGateway(RoutingPolicy routing, FallbackExecutor executor, StreamFallbackExecutor streamExecutor,
                              CascadePolicy cascadePolicy, CascadeExecutor cascadeExecutor, GatewayMetrics metrics,
                              LongSupplier nanoTime) {
        this.routing = routing;
        this.executor = executor;
        this.streamExecutor = streamExecutor;
        this.cascadePolicy = cascadePolicy;
        this.cascadeExecutor = cascadeExecutor;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /**
     * The gateway for one configuration with the router off: {@code auto} goes to
     * {@code routing.defaultTier}. See {@link #create(GearboxConfig, DeploymentRegistry,
     * DeploymentHealth, GatewayMetrics, Clock, TierSelector)}.
     */
    public static DefaultChatGateway create(GearboxConfig config, DeploymentRegistry registry, DeploymentHealth health,
                                            GatewayMetrics metrics, Clock clock) {
        return create(config, registry, health, metrics, clock, TierSelector.fixed(config.routing().defaultTier()));
    }

    /**
     * The gateway for one configuration: {@code tierSelector} decides {@code auto}, the default
     * fallback rule applies, the {@code cascade} section (with its gates, a judge calling its
     * deployment) decides which requests cascade, time is {@link System#nanoTime()} (the base of
     * {@link RequestContext#startNanos()}). {@code health} may be shared across config reloads. A
     * configured {@code answer_model} gate needs {@link #create(GearboxConfig, DeploymentRegistry,
     * DeploymentHealth, GatewayMetrics, Clock, TierSelector, Function)}.
     */
    public static DefaultChatGateway create(GearboxConfig config, DeploymentRegistry registry, DeploymentHealth health,
                                            GatewayMetrics metrics, Clock clock, TierSelector tierSelector) {
        return create(config, registry, health, metrics, clock, tierSelector, null);
    }

    /** As above; {@code answerModelGate} builds the classifier's answer-quality gate (null: none available). */
    public static DefaultChatGateway create(GearboxConfig config, DeploymentRegistry registry, DeploymentHealth health,
                                            GatewayMetrics metrics, Clock clock, TierSelector tierSelector,
                                            Function<GateConfig.AnswerModel, QualityGate> answerModelGate) {
        LongSupplier nanoTime = System::nanoTime;
        AttemptPlanner planner = new AttemptPlanner(config, registry, health, clock);
        RoutingPolicy routing = new RoutingPolicy(new ModelResolver(config), tierSelector, planner);
        FallbackRule rule = FallbackRule.onRetryable();
        FallbackExecutor executor = new FallbackExecutor(rule, health, metrics, nanoTime);
        CascadeExecutor cascade = new CascadeExecutor(executor, planner,
                GateFactory.chain(config.cascade().gates(), name -> registry.get(name).provider(), metrics,
                        answerModelGate),
                new EscalationHint(config.cascade().hint()), metrics,
                new EscalationRateMonitor(EscalationRateMonitor.DEFAULT_WINDOW, EscalationRateMonitor.DEFAULT_ALERT_SHARE,
                        metrics));
        return new DefaultChatGateway(routing, executor, new StreamFallbackExecutor(rule, health, metrics, nanoTime),
                CascadePolicy.of(config), cascade, metrics, nanoTime);
    }

    /**
     * Routes, then attempts. For {@code auto} the routing decision completes on the classifier's
     * executor; cancelling the returned future before then stops the request from being sent.
     */
    @Override
    public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
        CompletableFuture<RoutePlan> plan;
        try {
            plan = route(request, context);
        } catch (GatewayException e) {
            record(context, null, null, e.kind().metricTag(), false);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<GatewayResponse> result = new CompletableFuture<>();
        plan.whenComplete((p, planError) -> {
            if (planError != null) {
                result.completeExceptionally(GatewayException.from(planError));
                return;
            }
            if (result.isDone()) {
                return; // cancelled while the classifier was deciding
            }
            CompletableFuture<GatewayResponse> attempt;
            try {
                DispatchPlan dispatch = cascadePolicy.plan(request, p);
                attempt = dispatch instanceof DispatchPlan.Cascade cascade
                        ? cascadeExecutor.execute(request, cascade)
                        : executor.execute(request, p.candidates());
            } catch (RuntimeException e) { // on another thread now: a throw would leave the request hanging
                result.completeExceptionally(GatewayException.from(e));
                return;
            }
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    attempt.cancel(true);
                }
            });
            attempt.whenComplete((response, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(withDecision(response, p.decision()));
                }
            });
        });
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                plan.cancel(false);
            }
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
     * For {@code auto} the stream starts on the classifier's executor once the tier is decided.
     */
    @Override
    public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener) {
        CompletableFuture<RoutePlan> plan;
        try {
            plan = route(request, context);
        } catch (GatewayException e) {
            record(context, null, null, e.kind().metricTag(), true);
            listener.onError(e, false);
            return () -> { };
        }
        MeteredListener metered = new MeteredListener(listener, context);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<StreamHandle> upstream = new AtomicReference<>();
        plan.whenComplete((p, planError) -> {
            if (cancelled.get()) {
                return;
            }
            if (planError != null) {
                metered.onError(GatewayException.from(planError), false);
                return;
            }
            try {
                DispatchPlan dispatch = cascadePolicy.plan(request, p);
                GatewayStreamListener withDecision = new DecisionListener(metered, p.decision());
                upstream.set(dispatch instanceof DispatchPlan.Cascade cascade
                        ? cascadeExecutor.stream(request, cascade, withDecision)
                        : streamExecutor.execute(request, p.candidates(), withDecision));
            } catch (RuntimeException e) { // on another thread now: a throw would leave the stream hanging
                metered.onError(GatewayException.from(e), false);
                return;
            }
            if (cancelled.get()) {
                upstream.get().cancel(); // the client left while the stream was being started
            }
        });
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                plan.cancel(false);
                StreamHandle handle = upstream.get();
                if (handle != null) {
                    handle.cancel();
                }
                metered.cancelled();
            }
        };
    }

    /** The routing plan; a decision for {@code auto} is counted when it is made. */
    private CompletableFuture<RoutePlan> route(ChatRequest request, RequestContext context) {
        CompletableFuture<RoutePlan> plan = routing.route(request, context);
        plan.thenAccept(p -> {
            if (p.decision() != null) {
                metrics.decision(p.decision());
            }
        });
        return plan;
    }

    private static GatewayResponse withDecision(GatewayResponse response, RoutingDecision decision) {
        return decision == null ? response
                : new GatewayResponse(response.response(), response.route().withDecision(decision));
    }

    private void record(RequestContext context, Tier tier, String deployment, String outcome, boolean stream) {
        metrics.request(tier, deployment, outcome, stream, nanoTime.getAsLong() - context.startNanos());
    }

    private static String outcome(Throwable error) {
        return error instanceof CancellationException ? MeterTags.CANCELLED
                : GatewayMetrics.outcome(GatewayException.from(error).kind());
    }

    /** Adds the routing decision to the route a stream reports. */
    private static final class DecisionListener implements GatewayStreamListener {
        private final GatewayStreamListener delegate;
        private final RoutingDecision decision;

        DecisionListener(GatewayStreamListener delegate, RoutingDecision decision) {
            this.delegate = delegate;
            this.decision = decision;
        }

        @Override
        public void onStart(RouteInfo route) {
            delegate.onStart(decision == null ? route : route.withDecision(decision));
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            delegate.onChunk(chunk);
        }

        @Override
        public void onComplete(RouteInfo route) {
            delegate.onComplete(decision == null ? route : route.withDecision(decision));
        }

        @Override
        public void onError(GatewayException error, boolean committed) {
            delegate.onError(error, committed);
        }
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
