package dev.gearbox.core.metrics;

import dev.gearbox.core.routing.DeploymentHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/** Registers {@link GatewayMeters#DEPLOYMENT_HEALTH}: one gauge per configured deployment, read at scrape time. */
public final class DeploymentHealthGauges {
    private DeploymentHealthGauges() {
    }

    public static void bind(MeterRegistry registry, DeploymentHealth health, Collection<String> deployments) {
        GatewayMeters meter = GatewayMeters.DEPLOYMENT_HEALTH;
        for (String deployment : deployments) {
            Gauge.builder(meter.meterName(), health, h -> h.inRotation(deployment) ? 1 : 0)
                    .description(meter.description())
                    .tag(MeterTags.DEPLOYMENT, deployment)
                    .register(registry);
        }
    }
}
