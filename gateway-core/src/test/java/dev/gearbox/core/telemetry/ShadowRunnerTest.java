package dev.gearbox.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Price;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cost.CostAccountant;
import dev.gearbox.core.cost.PriceTable;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.core.telemetry.log.ShadowLine;
import dev.gearbox.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Shadow mode: the sampled share goes to the baseline, both answers are logged, its cost has its own meter. */
class ShadowRunnerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<LogLine> lines = new ArrayList<>();
    private final BaselineProvider baseline = new BaselineProvider();
    private final CostAccountant costs = new CostAccountant(new PriceTable(Map.of("frontier", new Price(10, 20))),
            "frontier");

    private ShadowRunner runner(double share) {
        return new ShadowRunner(new ShadowSampler(share, new Random(7)), "frontier", baseline, costs,
                lines::add, true, registry, MutableClock.atEpoch(), () -> 0L);
    }

    @Test
    void sendsTheSampledShareOfAutoRequestsAndLogsBothAnswers() {
        ShadowRunner runner = runner(0.25);
        for (int i = 0; i < 400; i++) {
            runner.record(Records.answered("r" + i, "code", Tier.FAST, "cheap"));
        }

        assertThat(baseline.requests).hasSizeBetween(80, 120);
        assertThat(baseline.requests).allSatisfy(r -> assertThat(r.stream()).isFalse());
        assertThat(lines).hasSameSizeAs(baseline.requests).first().isInstanceOfSatisfying(ShadowLine.class, l -> {
            assertThat(l.clientDeployment()).isEqualTo("cheap");
            assertThat(l.clientAnswer()).isEqualTo("An answer");
            assertThat(l.shadowAnswer()).isEqualTo("baseline answer");
            assertThat(l.shadowOutcome()).isEqualTo("ok");
            assertThat(l.shadowCostUsd()).isEqualTo(30.0);
        });
        assertThat(registry.get("gearbox.shadow.cost").tag("deployment", "frontier").counter().count())
                .isEqualTo(30.0 * baseline.requests.size());
        assertThat(registry.get("gearbox.shadow.requests").tag("outcome", "ok").counter().count())
                .isEqualTo(baseline.requests.size());
    }

    @Test
    void theSameSeedPicksTheSameRequests() {
        ShadowSampler a = new ShadowSampler(0.3, new Random(11));
        ShadowSampler b = new ShadowSampler(0.3, new Random(11));
        for (int i = 0; i < 50; i++) {
            assertThat(a.sample()).isEqualTo(b.sample());
        }
    }

    @Test
    void skipsPinnedFailedAndBaselineAnsweredRequests() {
        ShadowRunner runner = runner(1.0);
        RequestRecord auto = Records.answered("r1", "code", Tier.FAST, "cheap");
        RequestRecord pinned = new RequestRecord("r2", auto.receivedAt(), "t", Records.request("cheap", "x"), false,
                "ok", null, auto.route(), auto.usage(), null, 1, -1, auto.cost());
        RequestRecord failed = new RequestRecord("r3", auto.receivedAt(), "t", auto.request(), false,
                "upstream_error", "x", null, null, null, 1, -1, auto.cost());

        runner.record(pinned);
        runner.record(failed);
        runner.record(Records.answered("r4", "code", Tier.FRONTIER, "frontier"));

        assertThat(baseline.requests).isEmpty();
    }

    @Test
    void aFailingOrThrowingBaselineIsCountedAndNeverThrows() {
        ShadowRunner runner = runner(1.0);
        baseline.failure = new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "down");
        runner.record(Records.answered("r1", "code", Tier.FAST, "cheap"));
        baseline.throwing = true;
        runner.record(Records.answered("r2", "code", Tier.FAST, "cheap"));

        assertThat(lines).extracting(l -> ((ShadowLine) l).shadowOutcome())
                .containsExactly(ErrorKind.UPSTREAM_UNAVAILABLE.metricTag(), ErrorKind.INTERNAL.metricTag());
        assertThat(registry.get("gearbox.shadow.cost").counter().count()).isZero();
    }

    /** The baseline deployment: answers 1M in + 1M out tokens, or fails as told. */
    private static final class BaselineProvider implements ChatProvider {
        final List<ChatRequest> requests = new ArrayList<>();
        GatewayException failure;
        boolean throwing;

        @Override
        public CompletableFuture<ChatResponse> complete(ChatRequest request) {
            requests.add(request);
            if (throwing) {
                throw new IllegalStateException("provider bug");
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.completedFuture(new ChatResponse("b", 1, "frontier",
                    List.of(new Choice(0, Message.of(Role.ASSISTANT, "baseline answer"), "stop", null)),
                    Usage.of(1_000_000, 1_000_000), null, Map.of()));
        }

        @Override
        public StreamHandle stream(ChatRequest request, ChunkSink sink) {
            throw new UnsupportedOperationException("shadow requests are never streamed");
        }
    }
}
