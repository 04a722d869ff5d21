package dev.gearbox.core.routing;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.provider.ChatProvider;

/** Builds the provider for one deployment; the server supplies it (core does no I/O itself). */
@FunctionalInterface
public interface ProviderFactory {
    ChatProvider create(DeploymentConfig deployment);
}
