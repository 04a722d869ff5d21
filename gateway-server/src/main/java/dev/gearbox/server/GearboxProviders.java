package dev.gearbox.server;

import dev.gearbox.core.routing.ProviderFactory;
import dev.gearbox.providers.openai.OpenAiCompatibleProvider;

/** The built-in providers by {@link dev.gearbox.config.ProviderKind}: one place to add a new upstream API. */
public final class GearboxProviders {
    private GearboxProviders() {
    }

    public static ProviderFactory factory(ProviderContext context) {
        return deployment -> switch (deployment.provider()) {
            case OPENAI -> new OpenAiCompatibleProvider(deployment, context.http(), context.codec(), context.clock());
            case SIMULATOR -> throw new UnsupportedOperationException("the simulator provider is not wired yet");
        };
    }
}
