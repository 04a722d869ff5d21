package dev.gearbox.core.metrics;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.routing.RoutingDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records the {@link GatewayMeters} into a Micrometer registry. Thread-safe. Meters are cached
 * per tag combination (all tag values come from bounded sets), so recording on the request path
 * is a map lookup rather than building tags and an id every time.
 */
public final class GatewayMetrics {
    private final MeterRegistry registry;
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    private final DistributionSummary cacheSimilarity;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheSimilarity = DistributionSummary.builder(GatewayMeters.CACHE_SIMILARITY.meterName())
                .description(GatewayMeters.CACHE_SIMILARITY.description())
                .register(registry);
    }

    /** Metrics that go nowhere: a composite registry with no child registry records no-op meters. */
    public static GatewayMetrics disabled() {
        return new GatewayMetrics(new CompositeMeterRegistry());
    }

    /** One upstream call ended; {@code error} is null when it succeeded. */
    public void attempt(String deployment, ErrorKind error) {
        counter(new MeterKey(GatewayMeters.UPSTREAM_ATTEMPTS, deployment, outcome(error), null, null)).increment();
    }

    /** A failed deployment handed the request to the next candidate. */
    public void fallback(String fromDeployment, ErrorKind cause) {
        counter(new MeterKey(GatewayMeters.FALLBACKS, fromDeployment, cause.metricTag(), null, null)).increment();
    }

    /**
     * A request finished. {@code tier} and {@code deployment} may be null (failed before an answer);
     * {@code outcome} is {@link MeterTags#OK}, {@link MeterTags#CANCELLED} or an error kind's tag.
     */
    public void request(Tier tier, String deployment, String outcome, boolean stream, long durationNanos) {
        String tierTag = tier == null ? MeterTags.NONE : tier.wire();
        counter(new MeterKey(GatewayMeters.REQUESTS, tierTag, deployment == null ? MeterTags.NONE : deployment, outcome, null))
                .increment();
        timers.computeIfAbsent(new MeterKey(GatewayMeters.REQUEST_DURATION, tierTag, outcome, Boolean.toString(stream), null),
                        this::registerTimer)
                .record(Math.max(0, durationNanos), TimeUnit.NANOSECONDS);
    }

    /** {@code model: auto} was decided. */
    public void decision(RoutingDecision decision) {
        counter(new MeterKey(GatewayMeters.ROUTING_DECISIONS, decision.tier().wire(),
                decision.requestClass() == null ? MeterTags.NONE : decision.requestClass(),
                decision.rule() == null ? MeterTags.NONE : decision.rule(), null)).increment();
    }

    /** A cascaded request got its answer; {@code requestClass} null counts as {@code other}. */
    public void cascade(Tier start, Tier answered, boolean escalated, String requestClass) {
        counter(new MeterKey(GatewayMeters.CASCADE_REQUESTS, start.wire(), answered == null ? MeterTags.NONE : answered.wire(),
                Boolean.toString(escalated), requestClass == null ? "other" : requestClass)).increment();
    }

    /** A cascade left {@code from} because {@code gate} said {@code reason} (both from bounded sets). */
    public void escalation(String gate, String reason, Tier from) {
        counter(new MeterKey(GatewayMeters.CASCADE_ESCALATIONS, gate, reason, from.wire(), null)).increment();
    }

    /** A window of cascades from {@code start} escalated more often than the alert share. */
    public void weakStartWindow(Tier start) {
        counter(new MeterKey(GatewayMeters.CASCADE_WEAK_START, start.wire(), null, null, null)).increment();
    }

    /** A cache lookup: {@code kind} {@link MeterTags#EXACT} or {@link MeterTags#SEMANTIC}, {@code outcome} hit, miss or bypass. */
    public void cacheRequest(String kind, String outcome) {
        counter(new MeterKey(GatewayMeters.CACHE_REQUESTS, kind, outcome, null, null)).increment();
    }

    /** A semantic hit's similarity. */
    public void cacheSimilarity(double similarity) {
        cacheSimilarity.record(similarity);
    }

    /** The embedding model ran once (a text not embedded before). */
    public void embeddingComputed() {
        counter(new MeterKey(GatewayMeters.EMBEDDINGS, null, null, null, null)).increment();
    }

    /** The outcome tag for an error kind, or {@link MeterTags#OK} for null. */
    public static String outcome(ErrorKind error) {
        return error == null ? MeterTags.OK : error.metricTag();
    }

    private Counter counter(MeterKey key) {
        return counters.computeIfAbsent(key, this::registerCounter);
    }

    private Counter registerCounter(MeterKey key) {
        return Counter.builder(key.meter().meterName())
                .description(key.meter().description())
                .baseUnit(key.meter().baseUnit())
                .tags(key.tags())
                .register(registry);
    }

    private Timer registerTimer(MeterKey key) {
        return Timer.builder(key.meter().meterName())
                .description(key.meter().description())
                .tags(key.tags())
                .register(registry);
    }

    /** A meter and its tag values, in the order of {@link GatewayMeters#tagKeys()}; null for unused slots. */
    private record MeterKey(GatewayMeters meter, String first, String second, String third, String fourth) {
        Tags tags() {
            String[] values = {first, second, third, fourth};
            Tags tags = Tags.empty();
            for (int i = 0; i < meter.tagKeys().size(); i++) {
                tags = tags.and(meter.tagKeys().get(i), values[i]);
            }
            return tags;
        }
    }
}
