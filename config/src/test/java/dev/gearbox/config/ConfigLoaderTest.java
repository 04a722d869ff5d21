package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void defaultConfigServesThreeSimulatedTiersWithoutKeys() {
        GearboxConfig config = ConfigLoader.loadDefault();

        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
        assertThat(config.routing()).isEqualTo(new RoutingConfig(Tier.BALANCED, true));
        assertThat(config.cascade()).as("the demo routes; the cascade is a commented example").isEqualTo(CascadeConfig.DISABLED);
        assertThat(config.tierDeployments(Tier.FAST)).containsExactly("sim-llama-3.3-70b");
        assertThat(config.tierDeployments(Tier.BALANCED)).containsExactly("sim-mixtral-8x22b");
        assertThat(config.tierDeployments(Tier.FRONTIER)).containsExactly("sim-claude-sonnet");
        assertThat(config.deployments()).allSatisfy(d -> {
            assertThat(d.provider()).isEqualTo(ProviderKind.SIMULATOR);
            assertThat(d.apiKey()).isNull();
            assertThat(d.baseUrl()).isNull();
        });
        DeploymentConfig frontier = config.deployment("sim-claude-sonnet").orElseThrow();
        assertThat(frontier.model()).isEqualTo("claude-sonnet-4");
        assertThat(frontier.price()).isEqualTo(new Price(3.00, 15.00));
        assertThat(frontier.simulator().timeToFirstToken()).isEqualTo(Duration.ofMillis(500));
        assertThat(frontier.simulator().tokensPerSecond()).isEqualTo(70);
        assertThat(frontier.simulator().answerTokens()).isEqualTo(180);
        DeploymentConfig fast = config.deployment("sim-llama-3.3-70b").orElseThrow();
        assertThat(fast.price()).isEqualTo(new Price(0.59, 0.79));
        assertThat(fast.simulator().tokensPerSecond()).isEqualTo(250);
    }

    @Test
    void exampleConfigLoadsWithItsEnvironment() throws IOException {
        Map<String, String> env = Map.of("GROQ_API_KEY", "gsk-fake", "OPENAI_API_KEY", "sk-fake",
                "OPENAI_ORG_ID", "org-42");

        GearboxConfig config = ConfigLoader.parse(resource("gearbox-example.yaml"), env, "gearbox-example.yaml");

        assertThat(config.tierDeployments(Tier.FAST)).containsExactly("groq-llama-3.3-70b", "local-llama-3.1-8b");
        DeploymentConfig groq = config.deployment("groq-llama-3.3-70b").orElseThrow();
        assertThat(groq.apiKey()).isEqualTo("gsk-fake");
        assertThat(groq.baseUrl()).isEqualTo(URI.create("https://api.groq.com/openai/v1"));
        assertThat(groq.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(20),
                Duration.ofSeconds(120)));
        DeploymentConfig local = config.deployment("local-llama-3.1-8b").orElseThrow();
        assertThat(local.apiKey()).isNull();
        assertThat(local.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(config.deployment("openai-gpt-4.1").orElseThrow().headers())
                .containsExactly(Map.entry("OpenAI-Organization", "org-42"));
        assertThat(config.deployment("openai-gpt-4.1-mini").orElseThrow().timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.router().rules()).extracting(RuleConfig::name).containsExactly(
                "header", "regulated", "sensitive-regex", "long-conversation", "structured-output");
        assertThat(config.cascade().enabled()).isTrue();
        assertThat(config.cascade().classes()).containsExactlyInAnyOrder("reasoning", "math", "writing", "chat", "other");
        assertThat(config.cascade().gates()).extracting(GateConfig::type).containsExactly("empty", "length", "refusal",
                "json", "json_schema", "tool_args", "arithmetic", "logprob");
    }

    @Test
    void exampleConfigWithoutKeysNamesEveryMissingVariable() throws IOException {
        List<ConfigError> errors = errorsOf(resource("gearbox-example.yaml"));

        assertThat(errors).extracting(ConfigError::path)
                .containsExactly("deployments[0].api_key", "deployments[2].api_key", "deployments[3].api_key");
        assertThat(errors.get(0).message()).contains("GROQ_API_KEY");
    }

    @Test
    void sectionsOtherThanDeploymentsAndTiersDefault() {
        GearboxConfig config = ConfigFixtures.parse(DEPLOYMENTS + TIERS);

        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
        assertThat(config.routing()).isEqualTo(RoutingConfig.DEFAULT);
        DeploymentConfig gpt = config.deployment("gpt").orElseThrow();
        assertThat(gpt.timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(gpt.price()).isEqualTo(Price.FREE);
        assertThat(gpt.simulator()).isNull();
        assertThat(config.deployment("sim").orElseThrow().simulator()).isEqualTo(SimulatorSettings.DEFAULT);
    }

    @Test
    void bindsEveryField() {
        GearboxConfig config = ConfigFixtures.parse("""
                server: {host: 127.0.0.1, port: 9090, max_body_bytes: 512KiB, idle_timeout: 2m, log_prompts: true}
                deployments:
                  - name: gpt
                    provider: openai
                    base_url: https://api.example.com/v1/
                    api_key: sk-1
                    model: gpt-4.1
                    price: {input_per_mtok: 2, output_per_mtok: 8.5}
                    timeouts: {connect: 500, first_byte: 10s, total: 1m}
                    headers: {OpenAI-Organization: org-1, X-Empty: ""}
                  - name: sim
                    provider: simulator
                    model: s
                    simulator: {time_to_first_token: 0ms, tokens_per_second: 12.5, answer_tokens: 7, failure_rate: 0.25, seed: 9}
                tiers:
                  frontier: {deployments: [gpt, sim]}
                routing: {default_tier: frontier, fallback_up: false}
                """);

        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 9090, 524_288, Duration.ofMinutes(2), true));
        DeploymentConfig gpt = config.deployment("gpt").orElseThrow();
        assertThat(gpt.baseUrl()).isEqualTo(URI.create("https://api.example.com/v1"));
        assertThat(gpt.price()).isEqualTo(new Price(2, 8.5));
        assertThat(gpt.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(1)));
        assertThat(gpt.headers()).containsExactly(Map.entry("OpenAI-Organization", "org-1"));
        assertThat(config.deployment("sim").orElseThrow().simulator())
                .isEqualTo(new SimulatorSettings(Duration.ZERO, 12.5, 7, 0.25, 9));
        assertThat(config.tierDeployments(Tier.FRONTIER)).containsExactly("gpt", "sim");
        assertThat(config.tierDeployments(Tier.FAST)).isEmpty();
        assertThat(config.routing()).isEqualTo(new RoutingConfig(Tier.FRONTIER, false));
    }

    @Test
    void loadsAFileAndReportsAMissingOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gearbox.yaml");
        Files.writeString(file, DEPLOYMENTS + TIERS);
        assertThat(ConfigLoader.load(file, Map.of()).deployments()).hasSize(2);

        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing + ": file not found");
    }

    @Test
    void unparseableYamlIsOneErrorWithLineAndColumnAndNoExcerpt() {
        List<ConfigError> errors = errorsOf("""
                deployments:
                  - name: gpt
                    api_key: "sk-secret-value
                """);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("test.yaml");
        assertThat(errors.get(0).message()).matches("invalid YAML at line \\d+, column \\d+: .+")
                .doesNotContain("sk-secret-value");
    }

    @Test
    void duplicateKeysAreAParseError() {
        List<ConfigError> errors = errorsOf(DEPLOYMENTS + TIERS + "tiers: {}\n");

        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("invalid YAML at line 13, column").contains("Duplicate field 'tiers'"));
    }

    @Test
    void emptyAndNonMappingDocumentsAreRejected() {
        assertThat(errorsOf("")).singleElement()
                .isEqualTo(new ConfigError("test.yaml", "the document is empty"));
        assertThat(errorsOf("- a\n- b\n")).singleElement()
                .extracting(ConfigError::message).asString().endsWith("got a list");
    }

    @Test
    void messageListsEveryErrorOnItsOwnLineAndNeverTheKey() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
                ConfigFixtures.parse("""
                        server: {port: 0}
                        deployments:
                          - name: gpt
                            provider: openai
                            base_url: ftp:/x
                            api_key: {nested: sk-hidden-key}
                            model: m
                        tiers: {balanced: {deployments: [gpt]}}
                        """));

        assertThat(e.getMessage().lines()).containsExactly(
                "invalid configuration test.yaml (3 errors)",
                "  server.port: must be between 1 and 65535, got 0",
                "  deployments[0].base_url: must be an absolute http(s) URL, got \"ftp:/x\"",
                "  deployments[0].api_key: expected a string, got a mapping");
        assertThat(e.getMessage()).doesNotContain("sk-hidden-key");
        assertThat(e.source()).isEqualTo("test.yaml");
        assertThat(ConfigException.EXIT_CODE).isEqualTo(2);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
