package dev.gearbox.core.routing.policy;

import dev.gearbox.config.Tier;
import java.util.Objects;

/**
 * What a classifier strategy concluded about a request.
 *
 * @param score        P(strong model needed) when a scoring model decided, else null
 * @param confidence   in [0,1]
 * @param requestClass the request class tag, or null when unknown
 */
public record ClassifierVerdict(Tier tier, Double score, double confidence, String requestClass) {
    public ClassifierVerdict {
        Objects.requireNonNull(tier, "tier");
    }
}
