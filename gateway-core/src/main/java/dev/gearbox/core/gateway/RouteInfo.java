package dev.gearbox.core.gateway;

import dev.gearbox.config.Tier;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.List;

/**
 * Where a request went: the tier and deployment that answered (tier is null for a pinned
 * deployment that belongs to no tier), every attempt in order, the nanoseconds spent
 * waiting on upstreams, from which the server derives {@code x-gearbox-overhead-ms}, and, for
 * {@code model: auto}, how the tier was decided ({@code decision}, null otherwise).
 */
public record RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos,
                        RoutingDecision decision) {
    public RouteInfo {
        attempts = List.copyOf(attempts);
    }

    /** A route without a routing decision (a pinned deployment or a tier asked for by name). */
    public RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos) {
        this(tier, deployment, attempts, upstreamNanos, null);
    }

    public RouteInfo withDecision(RoutingDecision newDecision) {
        return new RouteInfo(tier, deployment, attempts, upstreamNanos, newDecision);
    }
}
