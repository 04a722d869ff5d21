package dev.gearbox.core.gateway;

import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.List;

/**
 * Where a request went: the tier and deployment that answered (tier is null for a pinned
 * deployment that belongs to no tier), every attempt in order, the nanoseconds spent
 * waiting on upstreams, from which the server derives {@code x-gearbox-overhead-ms}, and, for
 * {@code model: auto}, how the tier was decided ({@code decision}, null otherwise). {@code cache}
 * says how the caches served it (null when no cache stage ran) and {@code cascade} how a cascade
 * went (null when the request was routed without one).
 */
public record RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos,
                        RoutingDecision decision, CacheResult cache, CascadeTrace cascade) {
    public RouteInfo {
        attempts = List.copyOf(attempts);
    }

    public RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos,
                     RoutingDecision decision) {
        this(tier, deployment, attempts, upstreamNanos, decision, null, null);
    }

    /** A route without a routing decision (a pinned deployment or a tier asked for by name). */
    public RouteInfo(Tier tier, String deployment, List<Attempt> attempts, long upstreamNanos) {
        this(tier, deployment, attempts, upstreamNanos, null);
    }

    public RouteInfo withDecision(RoutingDecision newDecision) {
        return new RouteInfo(tier, deployment, attempts, upstreamNanos, newDecision, cache, cascade);
    }

    public RouteInfo withCache(CacheResult newCache) {
        return new RouteInfo(tier, deployment, attempts, upstreamNanos, decision, newCache, cascade);
    }

    public RouteInfo withCascade(CascadeTrace newCascade) {
        return new RouteInfo(tier, deployment, attempts, upstreamNanos, decision, cache, newCascade);
    }
}
