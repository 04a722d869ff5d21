package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gemini and azure providers' fields: defaults, and each rule's exact path and message. */
class NativeProviderConfigTest {

    private static String withThird(String fields) {
        String indented = ("- " + fields.strip()).lines()
                .map(l -> l.startsWith("- ") ? "  " + l : "    " + l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        return DEPLOYMENTS + indented + TIERS;
    }

    private static DeploymentConfig third(String fields) {
        return ConfigFixtures.parse(withThird(fields)).deployment("x").orElseThrow();
    }

    @Test
    void geminiDefaultsToGooglesEndpointAndKeepsItsKeySecret() {
        DeploymentConfig gemini = third("name: x\nprovider: gemini\napi_key: AIzaSecretKey\nmodel: gemini-2.5-flash");

        assertThat(gemini.provider()).isEqualTo(ProviderKind.GEMINI);
        assertThat(gemini.baseUrl()).isEqualTo(URI.create("https://generativelanguage.googleapis.com"));
        assertThat(gemini.apiKey()).isEqualTo("AIzaSecretKey");
        assertThat(gemini.azure()).isNull();
        assertThat(gemini.toString()).doesNotContain("AIzaSecretKey");
        assertThat(third("name: x\nprovider: gemini\nbase_url: http://127.0.0.1:9/\nmodel: g").baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9"));
    }

    @Test
    void aGeminiModelMustBeAUrlPathSegment() {
        assertThat(errorsOf(withThird("name: x\nprovider: gemini\nmodel: \"gemini/../x\""))).containsExactly(
                new ConfigError("deployments[2].model", "must contain only letters, digits, '.', '_' and '-' "
                        + "(it is a URL path segment), got \"gemini/../x\""));
    }

    @Test
    void azureDefaultsItsDeploymentToTheModelAndTheApiVersionToARecentGa() {
        DeploymentConfig azure = third("name: x\nprovider: azure\nbase_url: https://res.openai.azure.com\n"
                + "api_key: az-secret\nmodel: gpt-4o");
        DeploymentConfig explicit = third("name: x\nprovider: azure\nbase_url: https://res.openai.azure.com\n"
                + "model: gpt-4o\nazure_deployment: prod-gpt4o\napi_version: 2025-04-01-preview");

        assertThat(azure.azure()).isEqualTo(new AzureSettings("gpt-4o", "2024-10-21"));
        assertThat(explicit.azure()).isEqualTo(new AzureSettings("prod-gpt4o", "2025-04-01-preview"));
        assertThat(azure.toString()).doesNotContain("az-secret");
    }

    @Test
    void azureFieldsAreValidatedByPath() {
        List<ConfigError> errors = errorsOf(withThird("name: x\nprovider: azure\nmodel: gpt-4o\n"
                + "azure_deployment: \"a b\"\napi_version: latest"));

        assertThat(errors).containsExactly(
                new ConfigError("deployments[2].base_url", "missing required field"),
                new ConfigError("deployments[2].azure_deployment",
                        "must contain only letters, digits, '.', '_' and '-', got \"a b\""),
                new ConfigError("deployments[2].api_version",
                        "must look like 2024-10-21 or 2025-04-01-preview, got \"latest\""));
    }

    @Test
    void azureKeysBelongToAzureDeploymentsOnly() {
        assertThat(errorsOf(withThird("name: x\nprovider: gemini\nmodel: g\napi_version: 2024-10-21"))).containsExactly(
                new ConfigError("deployments[2].api_version", "only allowed for provider azure, this deployment uses gemini"));
        assertThat(errorsOf(withThird("name: x\nprovider: openai\nbase_url: http://h\nmodel: m\nazure_deployment: d")))
                .containsExactly(new ConfigError("deployments[2].azure_deployment",
                        "only allowed for provider azure, this deployment uses openai"));
    }
}
