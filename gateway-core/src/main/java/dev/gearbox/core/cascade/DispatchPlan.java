package dev.gearbox.core.cascade;

import dev.gearbox.config.Tier;
import dev.gearbox.core.routing.RoutePlan;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.List;
import java.util.Objects;

/** How a routed request is dispatched: to one tier as planned, or as a cascade over several tiers. */
public sealed interface DispatchPlan {

    /** The routing plan as it is: one tier's deployments, with the foundation's fallback. */
    record Route(RoutePlan plan) implements DispatchPlan {
        public Route {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * Try {@code tiers} in order, cheapest first, gating each answer; the first tier is the start, the
     * last the ceiling, and there are at most {@code max_escalations + 1} of them. {@code decision}
     * is the routing decision for {@code auto} (never null: only {@code auto} cascades).
     */
    record Cascade(List<Tier> tiers, RoutingDecision decision) implements DispatchPlan {
        public Cascade {
            tiers = List.copyOf(tiers);
            Objects.requireNonNull(decision, "decision");
            if (tiers.size() < 2) {
                throw new IllegalArgumentException("a cascade needs at least two tiers, got " + tiers);
            }
        }

        public Tier start() {
            return tiers.get(0);
        }
    }
}
