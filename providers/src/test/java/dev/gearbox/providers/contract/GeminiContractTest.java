package dev.gearbox.providers.contract;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.gemini.GeminiProvider;
import dev.gearbox.providers.openai.OpenAiCodec;
import java.util.Map;

/** Gemini against its recorded generateContent / streamGenerateContent wire: it supports every capability. */
class GeminiContractTest extends ProviderContractTest {

    @Override
    protected ChatProvider provider(ContractTarget target) {
        DeploymentConfig deployment = new DeploymentConfig("contract-gemini", ProviderKind.GEMINI, target.wireOrigin(),
                target.apiKey(), target.model(), null, null, Map.of(), null);
        return new GeminiProvider(deployment, target.http(), new OpenAiCodec().mapper(), target.clock());
    }

    @Override
    protected String fixtureRoot() {
        return "fixtures/gemini";
    }
}
