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

    public enum Type { COUNTER, TIMER, DISTRIBUTION_SUMMARY }

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
