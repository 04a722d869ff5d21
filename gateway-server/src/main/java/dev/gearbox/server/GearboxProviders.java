package dev.gearbox.server;

import dev.gearbox.core.routing.ProviderFactory;
import dev.gearbox.providers.anthropic.AnthropicProvider;
import dev.gearbox.providers.azure.AzureOpenAiProvider;
import dev.gearbox.providers.gemini.GeminiProvider;
import dev.gearbox.providers.openai.OpenAiCompatibleProvider;
import dev.gearbox.providers.simulator.SimulatorProvider;

/**
 * The built-in providers by {@link dev.gearbox.config.ProviderKind}: one place to add a new upstream
 * API. The simulator times its answers on the shared event loops (it never blocks them).
 */
public final class GearboxProviders {
    private GearboxProviders() {
    }

    public static ProviderFactory factory(ProviderContext context) {
        return deployment -> switch (deployment.provider()) {
            case OPENAI -> new OpenAiCompatibleProvider(deployment, context.http(), context.codec(), context.clock());
            case ANTHROPIC -> new AnthropicProvider(deployment, context.http(), context.clock());
            case SIMULATOR -> new SimulatorProvider(deployment, context.eventLoops(), context.clock());
            case GEMINI -> new GeminiProvider(deployment, context.http(), context.codec().mapper(), context.clock());
            case AZURE -> new AzureOpenAiProvider(deployment, context.http(), context.codec(), context.clock());
        };
    }
}
