package dev.gearbox.core.metrics;

import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.telemetry.RequestRecord;
import dev.gearbox.core.telemetry.RequestRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records the per-request-class {@link GatewayMeters} ({@code gearbox.class.*} and the classifier
 * distributions) from each finished request. Latencies publish a fixed, short list of histogram
 * buckets (not Micrometer's ~70 percentile buckets) so p50/p95 stay computable in Prometheus while
 * the series count stays small. Meters are cached per tag combination; all values are bounded.
 */
public final class RequestMeters implements RequestRecorder {
    static final Duration[] LATENCY_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    static final Duration[] OVERHEAD_BUCKETS = seconds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1);
    static final double[] UNIT_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Key, DistributionSummary> summaries = new ConcurrentHashMap<>();

    public RequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(RequestRecord r) {
        String cls = r.requestClass();
        RouteInfo route = r.route();
        String tier = route == null || route.tier() == null ? MeterTags.NONE : route.tier().wire();
        String deployment = route == null || route.deployment() == null ? MeterTags.NONE : route.deployment();
        String cache = route == null || route.cache() == null ? MeterTags.NONE : route.cache().status().wire();

        counter(GatewayMeters.CLASS_REQUESTS, cls, tier, deployment, r.outcome(), cache).increment();
        timer(GatewayMeters.CLASS_LATENCY, LATENCY_BUCKETS, cls, tier, r.outcome()).record(r.totalNanos(), TimeUnit.NANOSECONDS);
        if (route == null) {
            return;
        }
        timer(GatewayMeters.CLASS_OVERHEAD, OVERHEAD_BUCKETS, cls, tier).record(r.overheadNanos(), TimeUnit.NANOSECONDS);
        if (r.upstreamNanos() > 0) {
            timer(GatewayMeters.CLASS_UPSTREAM_LATENCY, LATENCY_BUCKETS, cls, tier, deployment)
                    .record(r.upstreamNanos(), TimeUnit.NANOSECONDS);
        }
        if (r.firstTokenNanos() >= 0) {
            timer(GatewayMeters.CLASS_TIME_TO_FIRST_TOKEN, LATENCY_BUCKETS, cls, tier, deployment)
                    .record(r.firstTokenNanos(), TimeUnit.NANOSECONDS);
        }
        if (r.usage() != null) {
            counter(GatewayMeters.CLASS_TOKENS, cls, tier, deployment, MeterTags.IN).increment(r.usage().promptTokens());
            counter(GatewayMeters.CLASS_TOKENS, cls, tier, deployment, MeterTags.OUT)
                    .increment(r.usage().completionTokens());
        }
        counter(GatewayMeters.CLASS_COST, cls, tier, deployment).increment(r.cost().costUsd());
        counter(GatewayMeters.CLASS_BASELINE_COST, cls, tier, deployment).increment(r.cost().baselineUsd());
        escalations(cls, route.cascade());
        classifier(cls, route.decision());
    }

    private void escalations(String cls, CascadeTrace cascade) {
        if (cascade == null || !cascade.escalated()) {
            return;
        }
        for (GateVerdict v : cascade.verdicts()) {
            if (v instanceof GateVerdict.Escalate e) {
                counter(GatewayMeters.CLASS_ESCALATIONS, cls, e.gate(), e.reason()).increment();
            }
        }
    }

    private void classifier(String cls, RoutingDecision decision) {
        if (decision == null || decision.score() == null) {
            return; // no model scored it: a rule forced the tier or the router is off
        }
        summary(GatewayMeters.CLASSIFIER_SCORE, cls).record(decision.score());
        summary(GatewayMeters.CLASSIFIER_CONFIDENCE, cls).record(decision.confidence());
    }

    private Counter counter(GatewayMeters meter, String... values) {
        return counters.computeIfAbsent(new Key(meter, List.of(values)), k -> Counter.builder(meter.meterName())
                .description(meter.description())
                .baseUnit(meter.baseUnit())
                .tags(k.tags())
                .register(registry));
    }

    private Timer timer(GatewayMeters meter, Duration[] buckets, String... values) {
        return timers.computeIfAbsent(new Key(meter, List.of(values)), k -> Timer.builder(meter.meterName())
                .description(meter.description())
                .tags(k.tags())
                .serviceLevelObjectives(buckets)
                .register(registry));
    }

    private DistributionSummary summary(GatewayMeters meter, String... values) {
        return summaries.computeIfAbsent(new Key(meter, List.of(values)), k -> DistributionSummary.builder(meter.meterName())
                .description(meter.description())
                .baseUnit(meter.baseUnit())
                .tags(k.tags())
                .serviceLevelObjectives(UNIT_BUCKETS)
                .register(registry));
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }

    /** A meter and its tag values in the order of {@link GatewayMeters#tagKeys()}. */
    private record Key(GatewayMeters meter, List<String> values) {
        Tags tags() {
            Tags tags = Tags.empty();
            for (int i = 0; i < values.size(); i++) {
                tags = tags.and(meter.tagKeys().get(i), values.get(i));
            }
            return tags;
        }
    }
}
