package dev.gearbox.config;

import java.util.List;

/** A tier: deployment names in fallback order. */
public record TierConfig(List<String> deployments) {
    public TierConfig {
        deployments = List.copyOf(deployments);
    }
}
