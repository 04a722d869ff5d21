package dev.gearbox.core.cost;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import java.util.List;
import java.util.Optional;

/**
 * The deployment whose prices give the counterfactual cost: {@code telemetry.baseline_deployment}
 * when set, else the first deployment of the highest configured tier (the frontier when there is one).
 */
public final class BaselineDeployment {
    private BaselineDeployment() {
    }

    public static Optional<String> of(GearboxConfig config) {
        String configured = config.telemetry().baselineDeployment();
        if (configured != null) {
            return Optional.of(configured);
        }
        for (Tier tier : List.of(Tier.FRONTIER, Tier.BALANCED, Tier.FAST)) {
            List<String> deployments = config.tierDeployments(tier);
            if (!deployments.isEmpty()) {
                return Optional.of(deployments.get(0));
            }
        }
        return Optional.empty();
    }
}
