package dev.gearbox.core.routing;

import java.util.List;

/** The deployments to try, in order, and how the tier was decided (null unless {@code model: auto}). */
public record RoutePlan(List<Candidate> candidates, RoutingDecision decision) {
    public RoutePlan {
        candidates = List.copyOf(candidates);
    }
}
