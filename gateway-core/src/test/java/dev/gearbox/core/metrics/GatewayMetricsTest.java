package dev.gearbox.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.routing.RoutingDecision;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void everyRecordedMeterHasExactlyTheDocumentedNameTypeAndTags() {
        metrics.attempt("sim-a", null);
        metrics.attempt("sim-a", ErrorKind.RATE_LIMITED);
        metrics.fallback("sim-a", ErrorKind.RATE_LIMITED);
        metrics.request(Tier.FAST, "sim-b", MeterTags.OK, true, 5_000_000);
        metrics.decision(new RoutingDecision(Tier.FRONTIER, 0.9, 0.5, "math", null));
        metrics.cascade(Tier.FAST, Tier.BALANCED, true, "math");
        metrics.escalation("json", "invalid_json", Tier.FAST);
        metrics.weakStartWindow(Tier.FAST);
        metrics.cacheRequest(MeterTags.SEMANTIC, MeterTags.HIT);
        metrics.cacheSimilarity(0.95);
        metrics.embeddingComputed();

        // The meters GatewayMetrics records; the per-class ones are RequestMeters' (see RequestMetersTest).
        for (GatewayMeters documented : EnumSet.of(GatewayMeters.REQUESTS, GatewayMeters.REQUEST_DURATION,
                GatewayMeters.UPSTREAM_ATTEMPTS, GatewayMeters.FALLBACKS, GatewayMeters.ROUTING_DECISIONS,
                GatewayMeters.CASCADE_REQUESTS, GatewayMeters.CASCADE_ESCALATIONS, GatewayMeters.CASCADE_WEAK_START,
                GatewayMeters.CACHE_REQUESTS, GatewayMeters.CACHE_SIMILARITY, GatewayMeters.EMBEDDINGS)) {
            assertThat(registry.find(documented.meterName()).meters()).as(documented.meterName()).isNotEmpty()
                    .allSatisfy(m -> {
                        assertThat(m.getId().getTags()).extracting(Tag::getKey)
                                .containsExactlyInAnyOrderElementsOf(documented.tagKeys());
                        assertThat(m.getId().getType()).isEqualTo(switch (documented.type()) {
                            case COUNTER -> Meter.Type.COUNTER;
                            case TIMER -> Meter.Type.TIMER;
                            case DISTRIBUTION_SUMMARY -> Meter.Type.DISTRIBUTION_SUMMARY;
                            case GAUGE -> Meter.Type.GAUGE;
                        });
                        assertThat(m.getId().getDescription()).isEqualTo(documented.description());
                    });
        }
        assertThat(registry.getMeters()).hasSize(12);
    }

    @Test
    void tagValuesComeFromTheBoundedSets() {
        metrics.attempt("sim-a", ErrorKind.UPSTREAM_TIMEOUT);
        metrics.fallback("sim-a", ErrorKind.UPSTREAM_TIMEOUT);
        metrics.request(null, null, ErrorKind.NO_CAPACITY.metricTag(), false, 2_000_000);
        metrics.decision(new RoutingDecision(Tier.FRONTIER, null, 1.0, null, "regulated"));

        assertThat(registry.get("gearbox.upstream.attempts").tags("deployment", "sim-a", "outcome", "upstream_timeout")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("gearbox.fallbacks").tags("from_deployment", "sim-a", "cause", "upstream_timeout")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("gearbox.requests").tags("tier", "none", "deployment", "none", "outcome", "no_capacity")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("gearbox.routing.decisions").tags("tier", "frontier", "class", "none", "rule", "regulated")
                .counter().count()).isEqualTo(1);
        metrics.cascade(Tier.FAST, Tier.FAST, false, null);
        assertThat(registry.get("gearbox.cascade.requests").tags("start_tier", "fast", "final_tier", "fast",
                "escalated", "false", "class", "other").counter().count()).isEqualTo(1);
        assertThat(registry.get("gearbox.request.duration").tags("tier", "none", "stream", "false").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
    }

    @Test
    void meterNamesAreUniqueAndInTheGearboxNamespace() {
        assertThat(Arrays.stream(GatewayMeters.values()).map(GatewayMeters::meterName))
                .doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("gearbox."));
        assertThat(GatewayMeters.REQUEST_DURATION.baseUnit()).isEqualTo("seconds");
    }
}
