package dev.gearbox.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the optional {@code routing} section and checks that the default tier (given or
 * {@link RoutingConfig#DEFAULT}'s) is one of the configured tiers.
 */
final class RoutingBinder {
    static final String SECTION = "routing";
    private static final List<String> KEYS = List.of("default_tier", "fallback_up");

    private RoutingBinder() {
    }

    static RoutingConfig bind(ConfigReader root, Set<Tier> configuredTiers) {
        RoutingConfig d = RoutingConfig.DEFAULT;
        ConfigReader routing = root.object(SECTION).orElse(null);
        if (routing == null) {
            if (root.has(SECTION)) {
                return d; // wrong type, already reported
            }
            checkConfigured(root, ConfigPath.child(SECTION, "default_tier"), d.defaultTier(), true, configuredTiers);
            return d;
        }
        routing.rejectUnknownKeys(KEYS);
        Tier defaultTier = d.defaultTier();
        boolean given = routing.has("default_tier");
        if (given) {
            String name = routing.string("default_tier").orElse(null);
            if (name == null) {
                return new RoutingConfig(d.defaultTier(), routing.bool("fallback_up").orElse(d.fallbackUp()));
            }
            Tier tier = Tier.fromWire(name).orElse(null);
            if (tier == null) {
                routing.error("default_tier", "unknown tier '" + name + "'" + KeySuggestions.hint(name, tierNames()));
            } else {
                defaultTier = tier;
            }
        }
        checkConfigured(root, routing.pathOf("default_tier"), defaultTier, !given, configuredTiers);
        return new RoutingConfig(defaultTier, routing.bool("fallback_up").orElse(d.fallbackUp()));
    }

    private static void checkConfigured(ConfigReader root, String path, Tier tier, boolean isDefault,
                                        Set<Tier> configuredTiers) {
        if (configuredTiers.isEmpty() || configuredTiers.contains(tier)) {
            return; // nothing configured is reported under tiers
        }
        String configured = Arrays.stream(Tier.values()).filter(configuredTiers::contains)
                .map(Tier::wire).collect(Collectors.joining(", "));
        String message = isDefault
                ? "defaults to '" + tier.wire() + "', which is not configured under tiers; set it to one of: " + configured
                : "tier '" + tier.wire() + "' is not configured under tiers (configured: " + configured + ")";
        root.errorAt(path, message);
    }

    static List<String> tierNames() {
        return Arrays.stream(Tier.values()).map(Tier::wire).toList();
    }
}
