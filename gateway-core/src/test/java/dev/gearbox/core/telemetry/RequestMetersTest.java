package dev.gearbox.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cost.RequestCost;
import dev.gearbox.core.metrics.DeploymentHealthGauges;
import dev.gearbox.core.metrics.GatewayMeters;
import dev.gearbox.core.metrics.RequestMeters;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.testing.MutableClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-class meters: every value recorded with the right tags, and nothing for what did not happen. */
class RequestMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMeters meters = new RequestMeters(registry);

    @Test
    void recordsRequestsLatencyTokensCostAndBaselinePerClass() {
        meters.record(Records.answered("r1", "code", Tier.FAST, "cheap"));
        meters.record(Records.answered("r2", "code", Tier.FAST, "cheap"));

        assertThat(registry.get("gearbox.class.requests").tags("class", "code", "tier", "fast", "deployment", "cheap",
                "outcome", "ok", "cache", "none").counter().count()).isEqualTo(2);
        assertThat(registry.get("gearbox.class.latency").tags("class", "code").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(200);
        assertThat(registry.get("gearbox.class.upstream.latency").tags("deployment", "cheap").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(160);
        assertThat(registry.get("gearbox.class.overhead").tags("class", "code").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(40);
        assertThat(registry.get("gearbox.class.tokens").tags("direction", "in").counter().count()).isEqualTo(200);
        assertThat(registry.get("gearbox.class.tokens").tags("direction", "out").counter().count()).isEqualTo(100);
        assertThat(registry.get("gearbox.class.cost").tags("class", "code").counter().count()).isEqualTo(0.002);
        assertThat(registry.get("gearbox.class.baseline.cost").tags("class", "code").counter().count()).isEqualTo(0.02);
        assertThat(registry.get("gearbox.classifier.score").tags("class", "code").summary().totalAmount())
                .isEqualTo(0.6);
        assertThat(registry.get("gearbox.classifier.confidence").tags("class", "code").summary().count()).isEqualTo(2);
        assertThat(registry.find("gearbox.class.ttft").timer()).isNull();
        assertThat(registry.find("gearbox.class.escalations").counter()).isNull();
    }

    @Test
    void aFailureCountsAsUnclassifiedWithoutTierOrCost() {
        RequestRecord failed = new RequestRecord("r3", Records.T0, "t", Records.request("auto", "x"), true,
                "upstream_unavailable", "all failed", null, null, null, 5_000_000, -1, RequestCost.NONE);

        meters.record(failed);

        assertThat(registry.get("gearbox.class.requests").tags("class", "unclassified", "tier", "none",
                "deployment", "none", "outcome", "upstream_unavailable", "cache", "none").counter().count()).isEqualTo(1);
        assertThat(registry.find("gearbox.class.cost").counter()).isNull();
    }

    @Test
    void streamsRecordTimeToFirstTokenAndCascadesTheirEscalations() {
        RequestRecord base = Records.answered("r4", "math", Tier.BALANCED, "mid");
        CascadeTrace trace = new CascadeTrace(Tier.FAST, true, List.of(
                new GateVerdict.Escalate("json", "invalid_json", "not JSON"), new GateVerdict.Accept("json")));
        RequestRecord streamed = new RequestRecord(base.requestId(), base.receivedAt(), base.tenant(), base.request(),
                true, "ok", null, base.route().withCascade(trace).withCache(CacheResult.MISS), base.usage(), null,
                base.totalNanos(), 30_000_000, base.cost());

        meters.record(streamed);

        assertThat(registry.get("gearbox.class.ttft").tags("class", "math", "deployment", "mid").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
        assertThat(registry.get("gearbox.class.escalations").tags("class", "math", "gate", "json", "reason",
                "invalid_json").counter().count()).isEqualTo(1);
        assertThat(registry.get("gearbox.class.requests").tags("cache", "miss").counter().count()).isEqualTo(1);
    }

    @Test
    void everyRecordedMeterHasTheDocumentedTagsTypeAndDescription() {
        RequestRecord base = Records.answered("r5", "chat", Tier.FAST, "cheap");
        CascadeTrace trace = new CascadeTrace(Tier.FAST, true, List.of(new GateVerdict.Escalate("json", "bad", null)));
        meters.record(new RequestRecord("r5", base.receivedAt(), "t", base.request(), true, "ok", null,
                base.route().withCascade(trace), base.usage(), null, base.totalNanos(), 1_000_000, base.cost()));

        List<GatewayMeters> owned = List.of(GatewayMeters.CLASS_REQUESTS, GatewayMeters.CLASS_LATENCY,
                GatewayMeters.CLASS_UPSTREAM_LATENCY, GatewayMeters.CLASS_TIME_TO_FIRST_TOKEN,
                GatewayMeters.CLASS_OVERHEAD, GatewayMeters.CLASS_TOKENS, GatewayMeters.CLASS_COST,
                GatewayMeters.CLASS_BASELINE_COST, GatewayMeters.CLASS_ESCALATIONS, GatewayMeters.CLASSIFIER_SCORE,
                GatewayMeters.CLASSIFIER_CONFIDENCE);
        for (GatewayMeters meter : owned) {
            assertThat(registry.find(meter.meterName()).meters()).as(meter.meterName()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.getId().getTags()).extracting(Tag::getKey)
                        .containsExactlyInAnyOrderElementsOf(meter.tagKeys());
                assertThat(m.getId().getDescription()).isEqualTo(meter.description());
                assertThat(m.getId().getType()).isEqualTo(switch (meter.type()) {
                    case COUNTER -> Meter.Type.COUNTER;
                    case TIMER -> Meter.Type.TIMER;
                    case DISTRIBUTION_SUMMARY -> Meter.Type.DISTRIBUTION_SUMMARY;
                    case GAUGE -> Meter.Type.GAUGE;
                });
            });
        }
    }

    @Test
    void theHealthGaugeDropsToZeroWhileADeploymentCoolsDown() {
        MutableClock clock = MutableClock.atEpoch();
        DeploymentHealth health = new DeploymentHealth(clock);
        DeploymentHealthGauges.bind(registry, health, List.of("cheap", "mid"));

        health.rateLimited("cheap", Duration.ofSeconds(5));

        assertThat(registry.get("gearbox.deployment.health").tag("deployment", "cheap").gauge().value()).isZero();
        assertThat(registry.get("gearbox.deployment.health").tag("deployment", "mid").gauge().value()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(registry.get("gearbox.deployment.health").tag("deployment", "cheap").gauge().value()).isEqualTo(1);
    }
}
