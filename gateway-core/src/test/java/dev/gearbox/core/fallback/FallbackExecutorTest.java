package dev.gearbox.core.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FallbackExecutorTest {
    private static final ChatRequest REQUEST = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi")));

    private final Fixture f = Fixture.builder()
            .tier(Tier.FAST, "a1", "a2")
            .tier(Tier.BALANCED, "b1")
            .build();

    private CompletableFuture<GatewayResponse> run(Tier tier) {
        return f.executor().execute(REQUEST, f.planner().plan(tier));
    }

    private static GatewayException failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return GatewayException.from(future.handle((r, e) -> e).join());
    }

    @Test
    void theFirstDeploymentThatAnswersWins() {
        f.provider("a1").answer("hello");

        GatewayResponse r = run(Tier.FAST).join();

        assertThat(r.response().firstText()).isEqualTo("hello");
        assertThat(r.route().deployment()).isEqualTo("a1");
        assertThat(r.route().tier()).isEqualTo(Tier.FAST);
        assertThat(r.route().attempts()).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
        assertThat(f.provider("a2").calls()).isZero();
        assertThat(f.provider("a1").requests()).containsExactly(REQUEST);
    }

    @Test
    void a503ATimeoutAndA429MoveOnInOrderUpToTheNextTier() {
        f.provider("a1").fail(Errors.unavailable());
        f.provider("a2").fail(Errors.timeout());
        f.provider("b1").answer("from balanced");

        GatewayResponse r = run(Tier.FAST).join();

        assertThat(r.response().firstText()).isEqualTo("from balanced");
        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().deployment()).isEqualTo("b1");
        assertThat(r.route().attempts()).extracting(Attempt::deployment, Attempt::error, Attempt::upstreamStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", ErrorKind.UPSTREAM_UNAVAILABLE, 503),
                        org.assertj.core.groups.Tuple.tuple("a2", ErrorKind.UPSTREAM_TIMEOUT, 0),
                        org.assertj.core.groups.Tuple.tuple("b1", null, 0));
        assertThat(f.count("gearbox.fallbacks", "from_deployment", "a1", "cause", "upstream_unavailable")).isEqualTo(1);
        assertThat(f.count("gearbox.fallbacks", "from_deployment", "a2", "cause", "upstream_timeout")).isEqualTo(1);
        assertThat(f.count("gearbox.upstream.attempts", "deployment", "b1", "outcome", "ok")).isEqualTo(1);
    }

    @Test
    void upstreamTimeIsTheSumOfEveryAttemptsTime() {
        f.provider("a1").fail(Errors.serverError());
        f.provider("a2").answer("ok");

        GatewayResponse r = run(Tier.FAST).join();

        // The fake nano-time source advances 1 ms per reading: each attempt reads it twice.
        assertThat(r.route().attempts()).extracting(Attempt::latencyNanos)
                .containsExactly(Fixture.TICK_NANOS, Fixture.TICK_NANOS);
        assertThat(r.route().upstreamNanos()).isEqualTo(2 * Fixture.TICK_NANOS);
    }

    @Test
    void a429WithRetryAfterTakesTheDeploymentOutForThatLong() {
        f.provider("a1").fail(Errors.rateLimited(Duration.ofSeconds(20)));
        f.provider("a2").answer("ok").answer("ok again");
        f.provider("a1").answer("back");

        assertThat(run(Tier.FAST).join().route().deployment()).isEqualTo("a2");
        assertThat(f.health.inRotation("a1")).isFalse();

        f.clock.advance(Duration.ofSeconds(19));
        assertThat(run(Tier.FAST).join().route().deployment()).isEqualTo("a2");
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(run(Tier.FAST).join().route().deployment()).isEqualTo("a1");
        assertThat(f.provider("a1").calls()).isEqualTo(2);
    }

    @Test
    void a400IsReturnedAsItIsWithoutTryingAnotherDeployment() {
        GatewayException badRequest = Errors.badRequest();
        f.provider("a1").fail(badRequest);

        CompletableFuture<GatewayResponse> result = run(Tier.FAST);

        assertThat(failure(result)).isSameAs(badRequest);
        assertThat(f.provider("a2").calls()).isZero();
        assertThat(f.provider("b1").calls()).isZero();
        assertThat(f.count("gearbox.upstream.attempts", "deployment", "a1", "outcome", "invalid_request")).isEqualTo(1);
    }

    @Test
    void whenEveryAttemptFailsTheErrorListsEachOne() {
        f.provider("a1").fail(Errors.unavailable());
        f.provider("a2").fail(Errors.serverError());
        f.provider("b1").fail(Errors.timeout());

        GatewayException e = failure(run(Tier.FAST));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("All 3 attempts failed: a1 (fast): HTTP 503: upstream unavailable;"
                + " a2 (fast): HTTP 500: internal server error; b1 (balanced): first-byte timeout after 2000 ms");
        assertThat(f.count("gearbox.fallbacks", "from_deployment", "b1", "cause", "upstream_timeout")).isZero();
    }

    @Test
    void allTimeoutsIsA504AndAllUnavailableIsA503() {
        f.provider("b1").fail(Errors.timeout()).fail(Errors.connectRefused());

        assertThat(failure(run(Tier.BALANCED)).kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(failure(run(Tier.BALANCED)).kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void aPinnedDeploymentIsNotFallenBackFrom() {
        f.provider("a1").fail(Errors.unavailable());

        GatewayException e = failure(f.executor().execute(REQUEST, f.planner().pinned("a1")));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("The only attempt failed: a1 (fast): HTTP 503: upstream unavailable");
        assertThat(f.provider("a2").calls()).isZero();
    }

    @Test
    void aProviderThatThrowsIsAFailedAttemptNotACrash() {
        f.provider("a1").throwing(new IllegalStateException("bug"));

        GatewayException e = failure(run(Tier.FAST));

        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(f.provider("a2").calls()).isZero();
    }

    @Test
    void aLateAnswerContinuesTheLoopWithoutBlocking() {
        f.provider("a1").hang();
        f.provider("a2").answer("second");

        CompletableFuture<GatewayResponse> result = run(Tier.FAST);
        assertThat(result).isNotDone();
        f.provider("a1").pending().completeExceptionally(Errors.unavailable());

        assertThat(result).isCompleted();
        assertThat(result.join().route().deployment()).isEqualTo("a2");
    }

    @Test
    void cancellingTheResultCancelsTheCallInFlightAndStartsNoOther() {
        f.provider("a1").hang();

        CompletableFuture<GatewayResponse> result = run(Tier.FAST);
        result.cancel(true);

        assertThat(f.provider("a1").pending()).isCancelled();
        assertThat(f.provider("a2").calls()).isZero();
        assertThat(f.meterRegistry.find("gearbox.upstream.attempts").counters()).isEmpty();
    }
}
