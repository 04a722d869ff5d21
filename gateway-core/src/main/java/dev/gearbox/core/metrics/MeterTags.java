package dev.gearbox.core.metrics;

/** Tag keys and the fixed tag values of the {@link GatewayMeters}; every value comes from a bounded set. */
public final class MeterTags {
    public static final String TIER = "tier";
    public static final String DEPLOYMENT = "deployment";
    public static final String OUTCOME = "outcome";
    public static final String STREAM = "stream";
    public static final String FROM_DEPLOYMENT = "from_deployment";
    public static final String CAUSE = "cause";
    public static final String REQUEST_CLASS = "class";
    public static final String RULE = "rule";
    public static final String START_TIER = "start_tier";
    public static final String FINAL_TIER = "final_tier";
    public static final String ESCALATED = "escalated";
    public static final String FROM_TIER = "from_tier";
    /** Cache status: {@link dev.gearbox.core.cache.CacheStatus#wire()} or {@link #NONE}. */
    public static final String CACHE = "cache";
    /** Token direction: {@link #IN} or {@link #OUT}. */
    public static final String DIRECTION = "direction";
    /** A quality gate's name. */
    public static final String GATE = "gate";
    /** A gate's bounded reason code. */
    public static final String REASON = "reason";

    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String KIND = "kind";

    /** Cache kinds and outcomes ({@link GatewayMeters#CACHE_REQUESTS}). */
    public static final String EXACT = "exact";
    public static final String SEMANTIC = "semantic";
    public static final String HIT = "hit";
    public static final String MISS = "miss";
    public static final String BYPASS = "bypass";

    /** Tier or deployment when there is none (a pinned deployment in no tier, a request that failed). */
    public static final String NONE = "none";
    /** Outcome of a success; failures use {@link dev.gearbox.core.error.ErrorKind#metricTag()}. */
    public static final String OK = "ok";
    /** Outcome of a request the client abandoned. */
    public static final String CANCELLED = "cancelled";

    private MeterTags() {
    }
}
