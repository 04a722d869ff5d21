package dev.gearbox.core.gateway;

import dev.gearbox.config.Tier;
import java.util.List;

/**
 * Where a request went: the tier and deployment that answered (tier is null for a pinned
 * deployment that belongs to no tier), every attempt in order, and the nanoseconds spent
 * waiting on upstreams, from which the server derives {@code x-gearbox-overhead-ms}.
 */
public record RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos) {
    public RouteInfo {
        attempts = List.copyOf(attempts);
    }
}
