package dev.gearbox.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole, validated configuration. Immutable; a reload builds a new one. */
public record GearboxConfig(
        ServerConfig server,
        List<DeploymentConfig> deployments,
        Map<Tier, TierConfig> tiers,
        RoutingConfig routing,
        RouterConfig router,
        CacheConfig cache) {

    public GearboxConfig {
        deployments = List.copyOf(deployments);
        tiers = Map.copyOf(new EnumMap<>(tiers));
        router = router == null ? RouterConfig.DISABLED : router;
        cache = cache == null ? CacheConfig.DISABLED : cache;
    }

    /** A configuration without caches. */
    public GearboxConfig(ServerConfig server, List<DeploymentConfig> deployments, Map<Tier, TierConfig> tiers,
                         RoutingConfig routing, RouterConfig router) {
        this(server, deployments, tiers, routing, router, CacheConfig.DISABLED);
    }

    /** A configuration without the classifier: {@code auto} goes to {@code routing.defaultTier}. */
    public GearboxConfig(ServerConfig server, List<DeploymentConfig> deployments, Map<Tier, TierConfig> tiers,
                         RoutingConfig routing) {
        this(server, deployments, tiers, routing, RouterConfig.DISABLED);
    }

    public GearboxConfig withCache(CacheConfig newCache) {
        return new GearboxConfig(server, deployments, tiers, routing, router, newCache);
    }

    public Optional<DeploymentConfig> deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The tier's deployments in fallback order; empty when the tier is not configured. */
    public List<String> tierDeployments(Tier tier) {
        TierConfig t = tiers.get(tier);
        return t == null ? List.of() : t.deployments();
    }
}
