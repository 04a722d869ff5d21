package dev.gearbox.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the optional {@code routing} section and checks that the default tier (given, or
 * {@link RoutingConfig#DEFAULT}'s when absent) is one of the tiers declared under {@code tiers}.
 */
final class RoutingBinder {
    static final String SECTION = "routing";
    private static final String DEFAULT_TIER = "default_tier";
    private static final List<String> KEYS = List.of(DEFAULT_TIER, "fallback_up");

    private RoutingBinder() {
    }

    static RoutingConfig bind(ConfigReader root, Set<Tier> declaredTiers) {
        RoutingConfig defaults = RoutingConfig.DEFAULT;
        Optional<ConfigReader> section = root.object(SECTION);
        section.ifPresent(r -> r.rejectUnknownKeys(KEYS));
        boolean given = section.map(r -> r.has(DEFAULT_TIER)).orElse(false);
        Tier defaultTier = given
                ? section.get().string(DEFAULT_TIER).flatMap(name -> parseTier(section.get(), name)).orElse(null)
                : defaults.defaultTier();
        boolean unreadable = root.has(SECTION) && section.isEmpty(); // wrong type, already reported
        if (defaultTier != null && !unreadable) {
            checkDeclared(root, defaultTier, given, declaredTiers);
        }
        boolean fallbackUp = section.flatMap(r -> r.bool("fallback_up")).orElse(defaults.fallbackUp());
        return new RoutingConfig(defaultTier == null ? defaults.defaultTier() : defaultTier, fallbackUp);
    }

    private static Optional<Tier> parseTier(ConfigReader routing, String name) {
        Optional<Tier> tier = Tier.fromWire(name);
        if (tier.isEmpty()) {
            routing.error(DEFAULT_TIER, "unknown tier '" + name + "'" + KeySuggestions.hint(name, tierNames()));
        }
        return tier;
    }

    private static void checkDeclared(ConfigReader root, Tier tier, boolean given, Set<Tier> declaredTiers) {
        if (declaredTiers.isEmpty() || declaredTiers.contains(tier)) {
            return; // no tiers at all is reported under tiers
        }
        String declared = Arrays.stream(Tier.values()).filter(declaredTiers::contains)
                .map(Tier::wire).collect(Collectors.joining(", "));
        root.errorAt(ConfigPath.child(SECTION, DEFAULT_TIER), given
                ? "tier '" + tier.wire() + "' is not configured under tiers (configured: " + declared + ")"
                : "defaults to '" + tier.wire() + "', which is not configured under tiers; set it to one of: " + declared);
    }

    /**
     * The tier named at {@code key}, which must be one of the tiers declared under {@code tiers} (when
     * any are); otherwise an error at that path and empty. {@code otherNames} are further values the
     * key accepts (handled by the caller), offered as suggestions too.
     */
    static Optional<Tier> configuredTier(ConfigReader r, String key, Set<Tier> declaredTiers, List<String> otherNames) {
        Optional<String> name = r.string(key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tier> tier = Tier.fromWire(name.get());
        if (tier.isEmpty()) {
            List<String> names = new ArrayList<>(tierNames());
            names.addAll(otherNames);
            r.error(key, "unknown tier '" + name.get() + "'" + KeySuggestions.hint(name.get(), names));
            return Optional.empty();
        }
        if (!declaredTiers.isEmpty() && !declaredTiers.contains(tier.get())) {
            r.error(key, "tier '" + name.get() + "' is not configured under tiers");
            return Optional.empty();
        }
        return tier;
    }

    /** The tier names as written in the config, cheapest first. */
    static List<String> tierNames() {
        return Arrays.stream(Tier.values()).map(Tier::wire).toList();
    }
}
