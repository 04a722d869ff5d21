package dev.gearbox.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.routing.ModelResolver;
import dev.gearbox.core.routing.RoutingPolicy;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.TierSelector;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.Fixture;
import dev.gearbox.core.testing.RecordingListener;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DefaultChatGatewayTest {
    private final Fixture f = Fixture.builder()
            .tier(Tier.FAST, "fast-1")
            .tier(Tier.BALANCED, "bal-1", "bal-2")
            .tier(Tier.FRONTIER, "front-1")
            .defaultTier(Tier.BALANCED)
            .build();
    private final RequestContext context = new RequestContext("req-1", f.nanos.get(), "tenant", Map.of());

    private DefaultChatGateway gateway(TierSelector selector) {
        RoutingPolicy routing = new RoutingPolicy(new ModelResolver(f.config), selector, f.planner());
        return new DefaultChatGateway(routing, f.executor(), f.streamExecutor(), f.metrics, f.nanoTime);
    }

    private DefaultChatGateway gateway() {
        return gateway(TierSelector.fixed(f.config.routing().defaultTier()));
    }

    private static ChatRequest request(String model) {
        return ChatRequest.of(model, List.of(Message.of(Role.USER, "hi")));
    }

    private static GatewayException failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return GatewayException.from(future.handle((r, e) -> e).join());
    }

    @Test
    void autoGoesToTheDefaultTier() {
        f.provider("bal-1").answer("balanced answer");

        GatewayResponse r = gateway().complete(request("auto"), context).join();

        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().deployment()).isEqualTo("bal-1");
        assertThat(f.count("gearbox.requests", "tier", "balanced", "deployment", "bal-1", "outcome", "ok"))
                .isEqualTo(1);
        Timer duration = f.meterRegistry.find("gearbox.request.duration")
                .tags("tier", "balanced", "outcome", "ok", "stream", "false").timer();
        assertThat(duration).isNotNull();
        assertThat(duration.count()).isEqualTo(1);
    }

    @Test
    void theTierSelectorDecidesWhereAutoGoes() {
        f.provider("front-1").answer("frontier answer");

        RoutingDecision decision = new RoutingDecision(Tier.FRONTIER, 0.93, 0.8, "math", null);
        GatewayResponse r = gateway((req, ctx) -> CompletableFuture.completedFuture(decision))
                .complete(request("auto"), context).join();

        assertThat(r.route().deployment()).isEqualTo("front-1");
        assertThat(r.route().decision()).isEqualTo(decision);
        assertThat(f.count("gearbox.routing.decisions", "tier", "frontier", "class", "math", "rule", "none"))
                .isEqualTo(1);
    }

    @Test
    void anAsynchronousDecisionIsAwaitedWithoutBlockingTheCaller() {
        f.provider("fast-1").answer("fast answer");
        CompletableFuture<RoutingDecision> pending = new CompletableFuture<>();

        CompletableFuture<GatewayResponse> r = gateway((req, ctx) -> pending).complete(request("auto"), context);
        assertThat(r).isNotDone();
        pending.complete(new RoutingDecision(Tier.FAST, 0.1, 0.9, "chat", null));

        assertThat(r.join().route().deployment()).isEqualTo("fast-1");
    }

    @Test
    void cancellingBeforeTheDecisionNeverCallsTheUpstream() {
        CompletableFuture<RoutingDecision> pending = new CompletableFuture<>();
        DefaultChatGateway g = gateway((req, ctx) -> pending);

        g.complete(request("auto"), context).cancel(true);
        g.stream(request("auto"), context, new RecordingListener()).cancel();
        pending.complete(new RoutingDecision(Tier.FAST, 0.1, 0.9, "chat", null));

        assertThat(f.provider("fast-1").calls()).isZero();
        assertThat(f.count("gearbox.requests", "outcome", "cancelled")).isEqualTo(2);
    }

    @Test
    void aFailedDecisionFailsTheRequestWithItsError() {
        GatewayException bad = GatewayException.invalid("bad header", "x-gearbox-tier");

        CompletableFuture<GatewayResponse> r = gateway((req, ctx) -> CompletableFuture.failedFuture(bad))
                .complete(request("auto"), context);

        assertThat(r).failsWithin(java.time.Duration.ZERO).withThrowableThat().havingRootCause().isSameAs(bad);
    }

    @Test
    void aStreamStartsWhenTheDecisionArrivesAndCarriesIt() {
        f.provider("bal-1").answer("streamed");
        CompletableFuture<RoutingDecision> pending = new CompletableFuture<>();
        List<RouteInfo> started = new java.util.ArrayList<>();
        GatewayStreamListener listener = new GatewayStreamListener() {
            @Override
            public void onStart(RouteInfo route) {
                started.add(route);
            }

            @Override
            public void onChunk(dev.gearbox.core.model.ChatChunk chunk) {
            }

            @Override
            public void onComplete(RouteInfo route) {
            }

            @Override
            public void onError(GatewayException error, boolean committed) {
            }
        };

        gateway((req, ctx) -> pending).stream(request("auto"), context, listener);
        assertThat(started).isEmpty();
        RoutingDecision decision = new RoutingDecision(Tier.BALANCED, 0.5, 0.2, "code", "header");
        pending.complete(decision);

        assertThat(started).singleElement().satisfies(route -> {
            assertThat(route.deployment()).isEqualTo("bal-1");
            assertThat(route.decision()).isEqualTo(decision);
        });
    }

    @Test
    void aTierNameStartsThereAndFallsBackUp() {
        f.provider("fast-1").fail(Errors.unavailable());
        f.provider("bal-1").answer("ok");

        GatewayResponse r = gateway().complete(request("fast"), context).join();

        assertThat(r.route().attempts()).extracting(Attempt::deployment).containsExactly("fast-1", "bal-1");
    }

    @Test
    void aPinnedDeploymentNeverFallsBack() {
        f.provider("bal-1").fail(Errors.unavailable());

        GatewayException e = failure(gateway().complete(request("bal-1"), context));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(f.provider("bal-2").calls()).isZero();
        assertThat(f.provider("front-1").calls()).isZero();
        assertThat(f.count("gearbox.requests", "tier", "none", "deployment", "none", "outcome", "upstream_unavailable"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownModelFailsWithoutCallingAnyDeployment() {
        GatewayException e = failure(gateway().complete(request("gpt-5"), context));

        assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(e.param()).isEqualTo("model");
        assertThat(f.count("gearbox.requests", "outcome", "model_not_found")).isEqualTo(1);
    }

    @Test
    void aRateLimitedDeploymentIsSkippedByLaterRequestsUntilItsRetryAfter() {
        f.provider("bal-1").fail(Errors.rateLimited(Duration.ofSeconds(10))).answer("bal-1 again");
        f.provider("bal-2").answer("first").answer("second");

        assertThat(gateway().complete(request("auto"), context).join().route().deployment()).isEqualTo("bal-2");
        assertThat(gateway().complete(request("auto"), context).join().route().attempts())
                .extracting(Attempt::deployment).containsExactly("bal-2");
        f.clock.advance(Duration.ofSeconds(10));
        assertThat(gateway().complete(request("auto"), context).join().route().deployment()).isEqualTo("bal-1");
    }

    @Test
    void cancellingTheRequestCancelsTheUpstreamAndCountsItCancelled() {
        f.provider("bal-1").hang();

        CompletableFuture<GatewayResponse> result = gateway().complete(request("auto"), context);
        result.cancel(true);

        assertThat(f.provider("bal-1").pending()).isCancelled();
        assertThat(f.count("gearbox.requests", "outcome", "cancelled")).isEqualTo(1);
    }

    @Test
    void aStreamIsRoutedTheSameWayAndCountedOnce() {
        f.provider("bal-1").fail(Errors.timeout());
        f.provider("bal-2").answer("streamed words");
        RecordingListener listener = new RecordingListener();

        gateway().stream(request("auto").withStream(true, false), context, listener);

        assertThat(listener.events).containsExactly("start:bal-2", "chunk:bal-2:streamed", "chunk:bal-2:words",
                "complete");
        assertThat(f.count("gearbox.requests", "tier", "balanced", "deployment", "bal-2", "outcome", "ok"))
                .isEqualTo(1);
        assertThat(f.meterRegistry.find("gearbox.request.duration").tags("stream", "true").timer()).isNotNull();
    }

    @Test
    void aStreamForAnUnknownModelEndsWithAnUncommittedError() {
        RecordingListener listener = new RecordingListener();

        gateway().stream(request("nope"), context, listener).cancel();

        assertThat(listener.events).containsExactly("error:MODEL_NOT_FOUND:false");
    }

    @Test
    void aCommittedStreamErrorIsCountedWithTheDeploymentThatFailed() {
        f.provider("bal-1").chunksThenFail(1, Errors.serverError());
        RecordingListener listener = new RecordingListener();

        gateway().stream(request("auto"), context, listener);

        assertThat(listener.events).last().isEqualTo("error:UPSTREAM_ERROR:true");
        assertThat(f.count("gearbox.requests", "tier", "balanced", "deployment", "bal-1", "outcome", "upstream_error"))
                .isEqualTo(1);
    }

    @Test
    void cancellingAStreamCancelsTheUpstreamAndCountsItOnce() {
        f.provider("bal-1").hang();
        RecordingListener listener = new RecordingListener();

        StreamHandle handle = gateway().stream(request("auto"), context, listener);
        handle.cancel();
        f.provider("bal-1").pendingSink().onError(Errors.unavailable());

        assertThat(f.provider("bal-1").streamCancels()).isEqualTo(1);
        assertThat(f.provider("bal-2").calls()).isZero();
        assertThat(listener.events).isEmpty();
        assertThat(f.count("gearbox.requests", "outcome", "cancelled")).isEqualTo(1);
        assertThat(f.meterRegistry.find("gearbox.requests").counters()).hasSize(1);
    }
}
