package dev.gearbox.providers.anthropic;

import dev.gearbox.config.AnthropicSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.contract.Capability;
import dev.gearbox.providers.contract.ContractTarget;
import dev.gearbox.providers.contract.ProviderContractTest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Anthropic's Messages API against its recorded wire; one choice per answer and no log probabilities. */
class AnthropicContractTest extends ProviderContractTest {

    @Override
    protected ChatProvider provider(ContractTarget target) {
        DeploymentConfig deployment = new DeploymentConfig("contract-claude", ProviderKind.ANTHROPIC,
                target.wireOrigin(), target.apiKey(), target.model(), null, null, Map.of(), null)
                .withAnthropic(AnthropicSettings.DEFAULT);
        return new AnthropicProvider(deployment, target.http(), target.clock());
    }

    @Override
    protected String fixtureRoot() {
        return "fixtures/anthropic";
    }

    @Override
    protected Set<Capability> unsupported() {
        return EnumSet.of(Capability.MULTIPLE_CHOICES, Capability.LOGPROBS);
    }
}
