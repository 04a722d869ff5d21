package dev.gearbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentConfigTest {
    @Test
    void toStringNeverShowsTheApiKeyOrHeaderValues() {
        DeploymentConfig d = new DeploymentConfig("gpt", ProviderKind.OPENAI, URI.create("https://api.example.com/v1"),
                "sk-very-secret", "gpt-4.1", new Price(1, 2), null, Map.of("Authorization", "Bearer hidden"), null);

        assertThat(d.toString()).doesNotContain("sk-very-secret").doesNotContain("hidden").contains("<redacted>");
    }

    @Test
    void loadedDeploymentToStringHidesTheKey() {
        GearboxConfig config = ConfigFixtures.parse(ConfigFixtures.DEPLOYMENTS + ConfigFixtures.TIERS);

        assertThat(config.deployment("gpt").orElseThrow().toString()).doesNotContain("sk-test-secret");
        assertThat(config.toString()).doesNotContain("sk-test-secret");
    }
}
