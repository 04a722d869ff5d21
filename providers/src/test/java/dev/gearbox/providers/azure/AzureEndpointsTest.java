package dev.gearbox.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.AzureSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AzureEndpointsTest {

    private static DeploymentConfig deployment(String baseUrl, AzureSettings azure) {
        DeploymentConfig d = new DeploymentConfig("az", ProviderKind.AZURE, URI.create(baseUrl), "k", "gpt-4o", null,
                null, null, null);
        return azure == null ? d : d.withAzure(azure);
    }

    @Test
    void theDeploymentAndApiVersionShapeTheUrl() {
        assertThat(AzureEndpoints.chatCompletions(deployment("https://res.openai.azure.com/",
                new AzureSettings("prod-4o", "2025-04-01-preview")))).isEqualTo(URI.create(
                "https://res.openai.azure.com/openai/deployments/prod-4o/chat/completions?api-version=2025-04-01-preview"));
    }

    @Test
    void withoutAzureSettingsTheModelAndTheDefaultVersionApply() {
        assertThat(AzureEndpoints.chatCompletions(deployment("https://gw.example/azure", null))).isEqualTo(URI.create(
                "https://gw.example/azure/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"));
    }
}
