package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicDeploymentConfigTest {

    private static String withClaude(String fields) {
        String indented = ("- " + fields.strip()).lines()
                .map(l -> l.startsWith("- ") ? "  " + l : "    " + l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        return DEPLOYMENTS + indented + TIERS;
    }

    private static DeploymentConfig claude(String fields) {
        return ConfigFixtures.parse(withClaude(fields)).deployments().get(2);
    }

    @Test
    void defaultsToAnthropicsApiVersionAndMaxTokens() {
        DeploymentConfig d = claude("name: claude\nprovider: anthropic\napi_key: sk-ant-test\nmodel: claude-sonnet-4-5");

        assertThat(d.provider()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(d.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(d.apiKey()).isEqualTo("sk-ant-test");
        assertThat(d.anthropic()).isEqualTo(new AnthropicSettings("2023-06-01", 4096));
        assertThat(d.toString()).doesNotContain("sk-ant-test");
    }

    @Test
    void takesItsOwnBaseUrlVersionAndMaxTokens() {
        DeploymentConfig d = claude("name: claude\nprovider: anthropic\nbase_url: http://proxy.internal:8080/\n"
                + "api_key: k\nmodel: m\nanthropic: {version: \"2024-01-01\", max_tokens: 8192}");

        assertThat(d.baseUrl()).isEqualTo(URI.create("http://proxy.internal:8080"));
        assertThat(d.anthropic()).isEqualTo(new AnthropicSettings("2024-01-01", 8192));
    }

    @Test
    void requiresAKey() {
        assertThat(errorsOf(withClaude("name: claude\nprovider: anthropic\nmodel: m")))
                .containsExactly(new ConfigError("deployments[2].api_key", "missing required field"));
        assertThat(errorsOf(withClaude("name: claude\nprovider: anthropic\napi_key: \"\"\nmodel: m")))
                .containsExactly(new ConfigError("deployments[2].api_key",
                        "must not be empty: the Anthropic API always needs a key"));
    }

    @Test
    void validatesTheAnthropicBlockByPath() {
        List<ConfigError> errors = errorsOf(withClaude("name: claude\nprovider: anthropic\napi_key: k\nmodel: m\n"
                + "anthropic: {version: latest, max_tokens: 0, max_token: 5}"));

        assertThat(errors).containsExactly(
                new ConfigError("deployments[2].anthropic.max_token",
                        "unknown key 'max_token' (did you mean 'max_tokens'?)"),
                new ConfigError("deployments[2].anthropic.version", "must be a date like 2023-06-01, got \"latest\""),
                new ConfigError("deployments[2].anthropic.max_tokens", "must be between 1 and 1000000, got 0"));
    }

    @Test
    void theAnthropicBlockBelongsToAnthropicDeployments() {
        assertThat(errorsOf(withClaude("name: x\nprovider: openai\nbase_url: http://h\nmodel: m\nanthropic: {max_tokens: 5}")))
                .containsExactly(new ConfigError("deployments[2].anthropic",
                        "only allowed for provider anthropic, this deployment uses openai"));
    }

    @Test
    void otherDeploymentsHaveNoAnthropicSettings() {
        assertThat(ConfigFixtures.parse(DEPLOYMENTS + TIERS).deployments()).allSatisfy(d ->
                assertThat(d.anthropic()).isNull());
    }
}
