package dev.gearbox.core.metrics;

import java.util.List;

/**
 * Every meter the gateway records, documented in one place: name (Micrometer dot notation;
 * Prometheus renders {@code gearbox_requests_total} etc.), type, base unit, tag keys and meaning.
 * Tag values come only from bounded sets: tier names, configured deployment names, {@code ok},
 * {@code cancelled}, {@link dev.gearbox.core.error.ErrorKind#metricTag()}, request classes and
 * configured rule names.
 */
public enum GatewayMeters {
    REQUESTS("gearbox.requests", Type.COUNTER, null,
            "Chat requests the gateway finished, by the tier and deployment that answered (none when it failed)"
                    + " and outcome (ok, cancelled or the error kind)",
            MeterTags.TIER, MeterTags.DEPLOYMENT, MeterTags.OUTCOME),
    REQUEST_DURATION("gearbox.request.duration", Type.TIMER, "seconds",
            "Time from the request's arrival to its last byte from the gateway, streamed or not",
            MeterTags.TIER, MeterTags.OUTCOME, MeterTags.STREAM),
    UPSTREAM_ATTEMPTS("gearbox.upstream.attempts", Type.COUNTER, null,
            "Calls to upstream deployments, by deployment and outcome (ok or the error kind); a request with"
                    + " fallbacks makes several",
            MeterTags.DEPLOYMENT, MeterTags.OUTCOME),
    FALLBACKS("gearbox.fallbacks", Type.COUNTER, null,
            "Moves from a failed deployment to the next candidate, by the deployment left and the error kind"
                    + " that caused it",
            MeterTags.FROM_DEPLOYMENT, MeterTags.CAUSE),
    ROUTING_DECISIONS("gearbox.routing.decisions", Type.COUNTER, null,
            "Decisions for model auto, by the tier chosen, the request class (none when not classified) and the"
                    + " override rule that set the tier (a configured rule name, low-confidence, classifier-unavailable"
                    + " or none)",
            MeterTags.TIER, MeterTags.REQUEST_CLASS, MeterTags.RULE),
    CASCADE_REQUESTS("gearbox.cascade.requests", Type.COUNTER, null,
            "Cascaded requests that got an answer, by the tier they started on, the tier that answered, whether they"
                    + " escalated (true or false) and the request class (other when not classified)",
            MeterTags.START_TIER, MeterTags.FINAL_TIER, MeterTags.ESCALATED, MeterTags.REQUEST_CLASS),
    CASCADE_ESCALATIONS("gearbox.cascade.escalations", Type.COUNTER, null,
            "Moves of a cascaded request to the next tier, by the gate that rejected the answer and its reason code"
                    + " (gate error and reason the error kind when the tier failed instead of answering), and the tier left",
            MeterTags.GATE, MeterTags.REASON, MeterTags.FROM_TIER),
    CASCADE_WEAK_START("gearbox.cascade.weak_start", Type.COUNTER, null,
            "Windows of cascaded requests in which more than the alert share escalated from this start tier: the start"
                    + " tier is too weak for the traffic (each also logs one WARN line)",
            MeterTags.TIER);

    public enum Type { COUNTER, TIMER }

    private final String meterName;
    private final Type type;
    private final String baseUnit;
    private final String description;
    private final List<String> tagKeys;

    GatewayMeters(String meterName, Type type, String baseUnit, String description, String... tagKeys) {
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.description = description;
        this.tagKeys = List.of(tagKeys);
    }

    public String meterName() {
        return meterName;
    }

    public Type type() {
        return type;
    }

    /** The base unit, or null for a plain count. */
    public String baseUnit() {
        return baseUnit;
    }

    public String description() {
        return description;
    }

    public List<String> tagKeys() {
        return tagKeys;
    }
}
