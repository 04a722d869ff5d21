package dev.gearbox.core.routing;

import dev.gearbox.config.Tier;
import java.util.Objects;

/**
 * How {@code model: auto} was decided.
 *
 * @param tier         the tier the request goes to
 * @param score        the classifier's P(strong model needed) in [0,1], null when no model scored it
 *                     (a rule forced the tier, the classifier is off, or the LLM classifier decided)
 * @param confidence   in [0,1]; how far the decision is from flipping (see {@code ThresholdPolicy}),
 *                     or the LLM's own confidence; 1 for a forced or fixed tier
 * @param requestClass the request class tag (code, math, ...), null when not classified
 * @param rule         the override rule that set the final tier, null when none did
 */
public record RoutingDecision(Tier tier, Double score, double confidence, String requestClass, String rule) {
    public RoutingDecision {
        Objects.requireNonNull(tier, "tier");
    }

    /** A tier chosen without the classifier (router off). */
    public static RoutingDecision fixed(Tier tier) {
        return new RoutingDecision(tier, null, 1.0, null, null);
    }

    public RoutingDecision withTier(Tier newTier, String newRule) {
        return new RoutingDecision(newTier, score, confidence, requestClass, newRule);
    }
}
