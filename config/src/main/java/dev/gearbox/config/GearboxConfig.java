package dev.gearbox.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole, validated configuration. Immutable; a reload builds a new one. Code outside the
 * binder starts from a short constructor and adds sections with the {@code with*} methods, so a
 * new section never breaks existing callers.
 */
public record GearboxConfig(
        ServerConfig server,
        List<DeploymentConfig> deployments,
        Map<Tier, TierConfig> tiers,
        RoutingConfig routing,
        RouterConfig router,
        CacheConfig cache,
        CascadeConfig cascade,
        TelemetryConfig telemetry) {

    public GearboxConfig {
        deployments = List.copyOf(deployments);
        tiers = Map.copyOf(new EnumMap<>(tiers));
        router = router == null ? RouterConfig.DISABLED : router;
        cache = cache == null ? CacheConfig.DISABLED : cache;
        cascade = cascade == null ? CascadeConfig.DISABLED : cascade;
        telemetry = telemetry == null ? TelemetryConfig.DEFAULT : telemetry;
    }

    /** A configuration without caches, cascade or telemetry (no decision log, no shadow traffic). */
    public GearboxConfig(ServerConfig server, List<DeploymentConfig> deployments, Map<Tier, TierConfig> tiers,
                         RoutingConfig routing, RouterConfig router) {
        this(server, deployments, tiers, routing, router, CacheConfig.DISABLED, CascadeConfig.DISABLED,
                TelemetryConfig.DEFAULT);
    }

    /** A configuration without the classifier: {@code auto} goes to {@code routing.defaultTier}. */
    public GearboxConfig(ServerConfig server, List<DeploymentConfig> deployments, Map<Tier, TierConfig> tiers,
                         RoutingConfig routing) {
        this(server, deployments, tiers, routing, RouterConfig.DISABLED);
    }

    public GearboxConfig withServer(ServerConfig newServer) {
        return new GearboxConfig(newServer, deployments, tiers, routing, router, cache, cascade, telemetry);
    }

    public GearboxConfig withCache(CacheConfig newCache) {
        return new GearboxConfig(server, deployments, tiers, routing, router, newCache, cascade, telemetry);
    }

    public GearboxConfig withCascade(CascadeConfig newCascade) {
        return new GearboxConfig(server, deployments, tiers, routing, router, cache, newCascade, telemetry);
    }

    public GearboxConfig withTelemetry(TelemetryConfig newTelemetry) {
        return new GearboxConfig(server, deployments, tiers, routing, router, cache, cascade, newTelemetry);
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
