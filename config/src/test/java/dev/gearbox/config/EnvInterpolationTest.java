package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvInterpolationTest {
    private static String config(String apiKey, String model) {
        return """
                deployments:
                  - name: gpt
                    provider: openai
                    base_url: https://api.example.com/v1
                    api_key: %s
                    model: %s
                tiers: {balanced: {deployments: [gpt]}}
                """.formatted(apiKey, model);
    }

    private static DeploymentConfig deployment(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, env, "test.yaml").deployment("gpt").orElseThrow();
    }

    @Test
    void substitutesASetVariableInsideText() {
        DeploymentConfig d = deployment(config("${KEY}", "gpt-${SIZE}-mini"), Map.of("KEY", "sk-1", "SIZE", "4.1"));

        assertThat(d.apiKey()).isEqualTo("sk-1");
        assertThat(d.model()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void usesTheDefaultWhenUnsetOrEmpty() {
        assertThat(deployment(config("${KEY:-sk-default}", "m"), Map.of()).apiKey()).isEqualTo("sk-default");
        assertThat(deployment(config("${KEY:-sk-default}", "m"), Map.of("KEY", "")).apiKey()).isEqualTo("sk-default");
        assertThat(deployment(config("${KEY:-sk-default}", "m"), Map.of("KEY", "sk-set")).apiKey()).isEqualTo("sk-set");
        assertThat(deployment(config("${KEY:-}", "m"), Map.of()).apiKey()).isNull();
    }

    @Test
    void aMissingVariableIsAnErrorNamingPathAndVariable() {
        assertThat(errorsOf(config("${GROQ_API_KEY}", "m"))).containsExactly(new ConfigError(
                "deployments[0].api_key",
                "environment variable GROQ_API_KEY is not set (set it, or write ${GROQ_API_KEY:-default})"));
    }

    @Test
    void aMissingVariableInARequiredFieldIsReportedOnce() {
        assertThat(errorsOf(config("k", "${MODEL}")))
                .extracting(ConfigError::path).containsExactly("deployments[0].model");
    }

    @Test
    void doubleDollarEscapesALiteralReference() {
        assertThat(deployment(config("\"$${NOT_A_VAR}\"", "a$b"), Map.of()).apiKey()).isEqualTo("${NOT_A_VAR}");
        assertThat(deployment(config("k", "a$b"), Map.of()).model()).isEqualTo("a$b");
    }

    @Test
    void numbersComeFromVariablesToo() {
        GearboxConfig config = ConfigLoader.parse("server: {port: \"${PORT:-8080}\"}\n" + config("k", "m"),
                Map.of("PORT", "9191"), "test.yaml");

        assertThat(config.server().port()).isEqualTo(9191);
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThat(errorsOf(config("\"${1BAD}\"", "m"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("deployments[0].api_key");
            assertThat(e.message()).startsWith("invalid environment variable name \"1BAD\"");
        });
        assertThat(errorsOf(config("\"sk-${OPEN\"", "m"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("deployments[0].api_key");
            assertThat(e.message()).isEqualTo("unterminated \"${\" (write \"$${\" for a literal \"${\")");
        });
    }

    @Test
    void listItemsAreInterpolated() {
        GearboxConfig config = ConfigLoader.parse(config("k", "m").replace("[gpt]", "[\"${D}\"]"),
                Map.of("D", "gpt"), "test.yaml");

        assertThat(config.tierDeployments(Tier.BALANCED)).containsExactly("gpt");
        assertThat(errorsOf(config("k", "m").replace("[gpt]", "[\"${D}\"]")))
                .extracting(ConfigError::path).containsExactly("tiers.balanced.deployments[0]");
    }
}
