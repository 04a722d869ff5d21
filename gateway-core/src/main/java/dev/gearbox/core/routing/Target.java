package dev.gearbox.core.routing;

import dev.gearbox.config.Tier;
import java.util.Objects;

/** What the request's {@code model} asked for. */
public sealed interface Target {

    /** {@code model: auto}: the router picks the tier (see {@link TierSelector}). */
    record AutoTarget() implements Target {
    }

    /** A tier by name: its deployments in order, then (if configured) the tiers above. */
    record TierTarget(Tier tier) implements Target {
        public TierTarget {
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** One deployment by name: pinned, no fallback to other deployments. */
    record PinnedTarget(String deployment) implements Target {
        public PinnedTarget {
            Objects.requireNonNull(deployment, "deployment");
        }
    }
}
