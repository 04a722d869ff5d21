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
            MeterTags.TIER),

    // Per request class (recorded by RequestMeters once the client has its answer). The class is the
    // classifier's label or "unclassified"; savings per class = baseline cost - cost.
    CLASS_REQUESTS("gearbox.class.requests", Type.COUNTER, null,
            "Finished chat requests by request class, the tier and deployment that answered (none when it failed),"
                    + " outcome and cache status (hit-exact, hit-semantic, miss, bypass, or none when no cache ran)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT, MeterTags.OUTCOME, MeterTags.CACHE),
    CLASS_LATENCY("gearbox.class.latency", Type.TIMER, "seconds",
            "Total latency per request class: arrival to last byte (histogram buckets 5 ms .. 60 s)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.OUTCOME),
    CLASS_UPSTREAM_LATENCY("gearbox.class.upstream.latency", Type.TIMER, "seconds",
            "Time spent waiting on upstream deployments per request class, all attempts together (histogram buckets"
                    + " 5 ms .. 60 s)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT),
    CLASS_TIME_TO_FIRST_TOKEN("gearbox.class.ttft", Type.TIMER, "seconds",
            "Streams only: arrival to the first chunk sent, per request class (histogram buckets 5 ms .. 60 s)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT),
    CLASS_OVERHEAD("gearbox.class.overhead", Type.TIMER, "seconds",
            "Gearbox's own latency (total minus upstream wait) per request class (histogram buckets 0.5 ms .. 1 s)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER),
    CLASS_TOKENS("gearbox.class.tokens", Type.COUNTER, "tokens",
            "Tokens of answered requests per request class, direction in (prompt) or out (completion)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT, MeterTags.DIRECTION),
    CLASS_COST("gearbox.class.cost", Type.COUNTER, "usd",
            "What answered requests cost in USD at the deployments' list prices (a cache hit costs 0)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT),
    CLASS_BASELINE_COST("gearbox.class.baseline.cost", Type.COUNTER, "usd",
            "What the same tokens would have cost in USD on the baseline deployment (telemetry.baseline_deployment,"
                    + " by default the first frontier deployment)",
            MeterTags.REQUEST_CLASS, MeterTags.TIER, MeterTags.DEPLOYMENT),
    CLASS_ESCALATIONS("gearbox.class.escalations", Type.COUNTER, null,
            "Cascade escalations per request class, by the gate that escalated and its reason code",
            MeterTags.REQUEST_CLASS, MeterTags.GATE, MeterTags.REASON),
    CLASSIFIER_SCORE("gearbox.classifier.score", Type.DISTRIBUTION_SUMMARY, null,
            "The classifier's P(strong model needed) for model auto, per request class (buckets 0.1 .. 1.0)",
            MeterTags.REQUEST_CLASS),
    CLASSIFIER_CONFIDENCE("gearbox.classifier.confidence", Type.DISTRIBUTION_SUMMARY, null,
            "How far each auto decision was from flipping, in [0,1], per request class (buckets 0.1 .. 1.0)",
            MeterTags.REQUEST_CLASS),
    DEPLOYMENT_HEALTH("gearbox.deployment.health", Type.GAUGE, null,
            "1 when the deployment is in rotation, 0 while it cools down after a 429",
            MeterTags.DEPLOYMENT),
    SHADOW_REQUESTS("gearbox.shadow.requests", Type.COUNTER, null,
            "Shadow copies of auto requests sent to the baseline deployment after the client's answer, by outcome",
            MeterTags.DEPLOYMENT, MeterTags.OUTCOME),
    SHADOW_COST("gearbox.shadow.cost", Type.COUNTER, "usd",
            "What shadow requests cost in USD on the baseline deployment (paid only for review, never for clients)",
            MeterTags.DEPLOYMENT),

    CACHE_REQUESTS("gearbox.cache.requests", Type.COUNTER, null,
            "Cache lookups by cache (kind: exact or semantic) and outcome (hit, miss, or bypass when the client"
                    + " asked to skip the cache); a request the semantic cache cannot serve (too hot, several choices,"
                    + " not ending with a user message) is not counted for semantic",
            MeterTags.KIND, MeterTags.OUTCOME),
    CACHE_SIMILARITY("gearbox.cache.similarity", Type.DISTRIBUTION_SUMMARY, null,
            "Cosine similarity between the new prompt and the stored one on semantic cache hits"),
    EMBEDDINGS("gearbox.embeddings", Type.COUNTER, null,
            "Conversation texts run through the embedding model; the router and the semantic cache share each"
                    + " embedding, so a request costs at most one");

    public enum Type { COUNTER, TIMER, DISTRIBUTION_SUMMARY, GAUGE }

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
