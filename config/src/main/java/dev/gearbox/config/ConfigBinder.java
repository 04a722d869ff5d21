package dev.gearbox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns an interpolated YAML tree into a {@link GearboxConfig}, section by section, reporting every
 * problem to the collector. Sections that depend on others (tiers on deployment names, routing on
 * tiers) get what could be bound, so one mistake does not hide the rest.
 */
final class ConfigBinder {
    private static final List<String> SECTIONS = List.of(
            ServerBinder.SECTION, DeploymentBinder.SECTION, TiersBinder.SECTION, RoutingBinder.SECTION,
            RouterBinder.SECTION, CacheBinder.SECTION, CascadeBinder.SECTION, TelemetryBinder.SECTION);

    private ConfigBinder() {
    }

    /** The configuration, or empty when anything was reported (see the collector). */
    static Optional<GearboxConfig> bind(ObjectNode tree, ErrorCollector errors) {
        ConfigReader root = new ConfigReader(tree, ConfigPath.ROOT, errors);
        root.rejectUnknownKeys(SECTIONS);
        ServerConfig server = ServerBinder.bind(root);
        DeploymentBinder.Bound deployments = DeploymentBinder.bind(root);
        TiersBinder.Bound tiers = TiersBinder.bind(root, deployments.names());
        RoutingConfig routing = RoutingBinder.bind(root, tiers.declared());
        RouterConfig router = RouterBinder.bind(root, tiers.declared(), deployments.names());
        CacheConfig cache = CacheBinder.bind(root);
        CascadeConfig cascade = CascadeBinder.bind(root, tiers.declared(), deployments.names());
        TelemetryConfig telemetry = TelemetryBinder.bind(root, deployments.names());
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GearboxConfig(server, deployments.deployments(), tiers.tiers(), routing, router)
                .withCache(cache).withCascade(cascade).withTelemetry(telemetry));
    }

    /** A short description of a non-mapping document for the top-level error. */
    static String describeRoot(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return "the document is empty";
        }
        return "the top level must be a mapping with server, deployments, tiers, routing, router, cache, cascade, telemetry; got "
                + (tree.isArray() ? "a list" : "a scalar");
    }
}
