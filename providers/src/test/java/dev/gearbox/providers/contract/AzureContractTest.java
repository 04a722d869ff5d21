package dev.gearbox.providers.contract;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.azure.AzureOpenAiProvider;
import dev.gearbox.providers.openai.OpenAiCodec;
import java.util.Map;

/**
 * Azure OpenAI against its recorded wire: OpenAI's bodies with Azure's filter results, at the
 * deployment URL with {@code api-version}, authenticated by {@code api-key}, with Azure's error
 * bodies. Its Azure deployment defaults to the model name. It supports every capability.
 */
class AzureContractTest extends ProviderContractTest {

    @Override
    protected ChatProvider provider(ContractTarget target) {
        DeploymentConfig deployment = new DeploymentConfig("contract-azure", ProviderKind.AZURE, target.wireOrigin(),
                target.apiKey(), target.model(), null, null, Map.of(), null);
        return new AzureOpenAiProvider(deployment, target.http(), new OpenAiCodec(), target.clock());
    }

    @Override
    protected String fixtureRoot() {
        return "fixtures/azure";
    }
}
