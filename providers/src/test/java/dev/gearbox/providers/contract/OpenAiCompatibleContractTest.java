package dev.gearbox.providers.contract;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.openai.OpenAiCompatibleProvider;
import java.net.URI;
import java.util.Map;

/** The OpenAI-compatible provider against OpenAI's recorded wire: it supports every capability. */
class OpenAiCompatibleContractTest extends ProviderContractTest {

    @Override
    protected ChatProvider provider(ContractTarget target) {
        DeploymentConfig deployment = new DeploymentConfig("contract-openai", ProviderKind.OPENAI,
                URI.create(target.wireOrigin() + "/v1"), target.apiKey(), target.model(), null, null, Map.of(), null);
        return new OpenAiCompatibleProvider(deployment, target.http(), new OpenAiCodec(), target.clock());
    }

    @Override
    protected String fixtureRoot() {
        return "fixtures/openai";
    }
}
