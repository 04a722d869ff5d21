package dev.gearbox.core.metrics;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.routing.RoutingDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/** Records the {@link GatewayMeters} into a Micrometer registry. Thread-safe. */
public final class GatewayMetrics {
    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics that go nowhere: a composite registry with no child registry records no-op meters. */
    public static GatewayMetrics disabled() {
        return new GatewayMetrics(new CompositeMeterRegistry());
    }

    /** One upstream call ended; {@code error} is null when it succeeded. */
    public void attempt(String deployment, ErrorKind error) {
        counter(GatewayMeters.UPSTREAM_ATTEMPTS,
                Tags.of(MeterTags.DEPLOYMENT, deployment, MeterTags.OUTCOME, outcome(error))).increment();
    }

    /** A failed deployment handed the request to the next candidate. */
    public void fallback(String fromDeployment, ErrorKind cause) {
        counter(GatewayMeters.FALLBACKS,
                Tags.of(MeterTags.FROM_DEPLOYMENT, fromDeployment, MeterTags.CAUSE, cause.metricTag())).increment();
    }

    /**
     * A request finished. {@code tier} and {@code deployment} may be null (failed before an answer);
     * {@code outcome} is {@link MeterTags#OK}, {@link MeterTags#CANCELLED} or an error kind's tag.
     */
    public void request(Tier tier, String deployment, String outcome, boolean stream, long durationNanos) {
        String tierTag = tier == null ? MeterTags.NONE : tier.wire();
        counter(GatewayMeters.REQUESTS, Tags.of(MeterTags.TIER, tierTag,
                MeterTags.DEPLOYMENT, deployment == null ? MeterTags.NONE : deployment,
                MeterTags.OUTCOME, outcome)).increment();
        Timer.builder(GatewayMeters.REQUEST_DURATION.meterName())
                .description(GatewayMeters.REQUEST_DURATION.description())
                .tags(Tags.of(MeterTags.TIER, tierTag, MeterTags.OUTCOME, outcome,
                        MeterTags.STREAM, Boolean.toString(stream)))
                .register(registry)
                .record(Math.max(0, durationNanos), TimeUnit.NANOSECONDS);
    }

    /** {@code model: auto} was decided. */
    public void decision(RoutingDecision decision) {
        counter(GatewayMeters.ROUTING_DECISIONS, Tags.of(MeterTags.TIER, decision.tier().wire(),
                MeterTags.REQUEST_CLASS, decision.requestClass() == null ? MeterTags.NONE : decision.requestClass(),
                MeterTags.RULE, decision.rule() == null ? MeterTags.NONE : decision.rule())).increment();
    }

    /** The outcome tag for an error kind, or {@link MeterTags#OK} for null. */
    public static String outcome(ErrorKind error) {
        return error == null ? MeterTags.OK : error.metricTag();
    }

    private Counter counter(GatewayMeters meter, Tags tags) {
        return Counter.builder(meter.meterName())
                .description(meter.description())
                .baseUnit(meter.baseUnit())
                .tags(tags)
                .register(registry);
    }
}
