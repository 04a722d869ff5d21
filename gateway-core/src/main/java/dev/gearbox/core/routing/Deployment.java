package dev.gearbox.core.routing;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.provider.ChatProvider;
import java.util.Objects;

/** One configured deployment and the provider that calls it. */
public record Deployment(DeploymentConfig config, ChatProvider provider) {
    public Deployment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(provider, "provider");
    }

    public String name() {
        return config.name();
    }
}
