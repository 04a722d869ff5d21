package dev.gearbox.config;

/**
 * How requests pick a tier until (and besides) the classifier: {@code defaultTier} serves
 * {@code model: auto}; with {@code fallbackUp}, a tier whose deployments all failed hands the
 * request to the next tier up (fast, balanced, frontier).
 */
public record RoutingConfig(Tier defaultTier, boolean fallbackUp) {
    public static final RoutingConfig DEFAULT = new RoutingConfig(Tier.BALANCED, true);
}
