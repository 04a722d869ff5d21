package dev.gearbox.core.routing;

import dev.gearbox.config.Tier;

/**
 * One deployment to try, and the tier it is tried for (null for a pinned deployment that
 * belongs to no tier).
 */
public record Candidate(Deployment deployment, Tier tier) {
    public String name() {
        return deployment.name();
    }

    /** "sim-a (fast)", or just the name when there is no tier; used in messages. */
    public String label() {
        return tier == null ? name() : name() + " (" + tier.wire() + ")";
    }
}
