package dev.gearbox.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the required {@code tiers} section: at least one of fast, balanced, frontier, each a non-empty
 * list of distinct names of configured deployments.
 */
final class TiersBinder {
    static final String SECTION = "tiers";
    private static final List<String> TIER_KEYS = List.of("deployments");

    /** The tiers that bound cleanly, and every tier the file declares (valid or not). */
    record Bound(Map<Tier, TierConfig> tiers, Set<Tier> declared) {
    }

    private TiersBinder() {
    }

    static Bound bind(ConfigReader root, Set<String> deploymentNames) {
        Map<Tier, TierConfig> tiers = new EnumMap<>(Tier.class);
        Set<Tier> declared = EnumSet.noneOf(Tier.class);
        if (!root.require(SECTION)) {
            return new Bound(tiers, declared);
        }
        ConfigReader section = root.object(SECTION).orElse(null);
        if (section == null) {
            return new Bound(tiers, declared);
        }
        section.rejectUnknownKeys(RoutingBinder.tierNames(), "tier");
        for (String key : section.keys()) {
            Tier tier = Tier.fromWire(key).orElse(null);
            if (tier == null) {
                continue; // reported as unknown above
            }
            declared.add(tier);
            if (!section.has(key)) {
                section.error(key, "must list at least one deployment");
            } else {
                section.object(key).flatMap(t -> bindTier(t, deploymentNames)).ifPresent(c -> tiers.put(tier, c));
            }
        }
        if (section.keys().isEmpty()) {
            root.error(SECTION, "at least one tier (fast, balanced, frontier) must be configured");
        }
        return new Bound(tiers, declared);
    }

    private static Optional<TierConfig> bindTier(ConfigReader tier, Set<String> deploymentNames) {
        tier.rejectUnknownKeys(TIER_KEYS);
        if (!tier.require("deployments")) {
            return Optional.empty();
        }
        return tier.stringList("deployments").flatMap(names -> {
            if (names.isEmpty()) {
                tier.error("deployments", "must list at least one deployment");
                return Optional.empty();
            }
            String listPath = tier.pathOf("deployments");
            List<String> valid = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String path = ConfigPath.index(listPath, i);
                if (name == null) {
                    continue; // wrong type, already reported
                }
                if (!deploymentNames.contains(name)) {
                    tier.errorAt(path, "unknown deployment '" + name + "'" + KeySuggestions.hint(name, deploymentNames));
                } else if (!seen.add(name)) {
                    tier.errorAt(path, "deployment '" + name + "' is listed twice in this tier");
                } else {
                    valid.add(name);
                }
            }
            return valid.size() == names.size() ? Optional.of(new TierConfig(valid)) : Optional.empty();
        });
    }
}
