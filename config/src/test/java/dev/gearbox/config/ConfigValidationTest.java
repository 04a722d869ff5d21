package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validation rule, each asserting the exact path and message of the error. */
class ConfigValidationTest {

    /** The fixture plus a third deployment ({@code deployments[2]}) written as YAML lines under "- ". */
    private static List<ConfigError> withThirdDeployment(String fields) {
        String indented = ("- " + fields.strip()).lines()
                .map(l -> l.startsWith("- ") ? "  " + l : "    " + l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        return errorsOf(DEPLOYMENTS + indented + TIERS);
    }

    private static ConfigError only(List<ConfigError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void unknownKeysAtEveryLevelSuggestTheClosestKey() {
        List<ConfigError> errors = errorsOf("""
                serverr: {}
                server: {prot: 80}
                deployments:
                  - name: gpt
                    provider: openai
                    base_ur: https://api.example.com
                    model: m
                    price: {input: 1, output_per_mtok: 1, input_per_mtok: 1}
                    timeouts: {first-byte: 5s}
                  - name: sim
                    provider: simulator
                    model: s
                    simulator: {ttft: 5ms}
                tiers:
                  balanced: {deployments: [sim], weights: [1]}
                routing: {defaultTier: balanced}
                """);

        assertThat(errors).containsExactly(
                new ConfigError("serverr", "unknown key 'serverr' (did you mean 'server'?)"),
                new ConfigError("server.prot", "unknown key 'prot' (did you mean 'port'?)"),
                new ConfigError("deployments[0].base_ur", "unknown key 'base_ur' (did you mean 'base_url'?)"),
                new ConfigError("deployments[0].base_url", "missing required field"),
                new ConfigError("deployments[0].price.input", "unknown key 'input' (known: input_per_mtok, output_per_mtok)"),
                new ConfigError("deployments[0].timeouts.first-byte", "unknown key 'first-byte' (did you mean 'first_byte'?)"),
                new ConfigError("deployments[1].simulator.ttft", "unknown key 'ttft' (known: time_to_first_token, "
                        + "tokens_per_second, answer_tokens, failure_rate, seed)"),
                new ConfigError("tiers.balanced.weights", "unknown key 'weights' (known: deployments)"),
                new ConfigError("routing.defaultTier", "unknown key 'defaultTier' (did you mean 'default_tier'?)"));
    }

    @Test
    void missingRequiredDeploymentFields() {
        List<ConfigError> errors = errorsOf("""
                deployments:
                  - provider: openai
                  - name: sim
                tiers: {balanced: {deployments: [sim]}}
                """);

        assertThat(errors).containsExactly(
                new ConfigError("deployments[0].name", "missing required field"),
                new ConfigError("deployments[0].base_url", "missing required field"),
                new ConfigError("deployments[0].model", "missing required field"),
                new ConfigError("deployments[1].provider", "missing required field"),
                new ConfigError("deployments[1].model", "missing required field"));
    }

    @Test
    void missingOrEmptyTopLevelSections() {
        assertThat(errorsOf("server: {port: 8080}\n")).containsExactly(
                new ConfigError("deployments", "missing required field"),
                new ConfigError("tiers", "missing required field"));
        assertThat(errorsOf("deployments: []\n" + TIERS)).contains(
                new ConfigError("deployments", "must list at least one deployment"));
        assertThat(errorsOf(DEPLOYMENTS + "tiers: {}\n")).containsExactly(
                new ConfigError("tiers", "at least one tier (fast, balanced, frontier) must be configured"));
        assertThat(errorsOf(DEPLOYMENTS + "tiers:\n  balanced: {deployments: [gpt]}\n  fast: {deployments: []}\n"))
                .containsExactly(new ConfigError("tiers.fast.deployments", "must list at least one deployment"));
        assertThat(errorsOf(DEPLOYMENTS + "tiers:\n  balanced: {deployments: [gpt]}\n  fast:\n"))
                .containsExactly(new ConfigError("tiers.fast", "must list at least one deployment"));
        assertThat(errorsOf(DEPLOYMENTS + "tiers:\n  balanced: {}\n"))
                .containsExactly(new ConfigError("tiers.balanced.deployments", "missing required field"));
    }

    @Test
    void wrongTypesNameWhatWasExpectedAndWhatWasFound() {
        List<ConfigError> errors = errorsOf("""
                server: {port: abc, log_prompts: "yes", idle_timeout: [1], max_body_bytes: {a: 1}}
                deployments:
                  - name: sim
                    provider: simulator
                    model: s
                    price: {input_per_mtok: cheap, output_per_mtok: 1}
                    simulator: {answer_tokens: 1.5, tokens_per_second: fast}
                  - just-a-string
                tiers: {balanced: {deployments: sim}}
                routing: [balanced]
                """);

        assertThat(errors).containsExactlyInAnyOrder(
                new ConfigError("server.port", "expected a whole number, got \"abc\""),
                new ConfigError("server.max_body_bytes", "expected a size like 4MiB, 512KiB, 1MB, got a mapping"),
                new ConfigError("server.idle_timeout", "expected a duration like 500ms, 5s, 2m, 1h, got a list"),
                new ConfigError("server.log_prompts", "expected true or false, got \"yes\""),
                new ConfigError("deployments[0].price.input_per_mtok", "expected a number, got \"cheap\""),
                new ConfigError("deployments[0].simulator.tokens_per_second", "expected a number, got \"fast\""),
                new ConfigError("deployments[0].simulator.answer_tokens", "expected a whole number, got 1.5"),
                new ConfigError("deployments[1]", "expected a mapping, got \"just-a-string\""),
                new ConfigError("tiers.balanced.deployments", "expected a list, got \"sim\""),
                new ConfigError("routing", "expected a mapping, got a list"));
    }

    @Test
    void unknownProvider() {
        assertThat(only(withThirdDeployment("name: claude\nprovider: anthropc\nmodel: m"))).isEqualTo(new ConfigError(
                "deployments[2].provider", "unknown provider 'anthropc' (did you mean 'anthropic'?)"));
        assertThat(only(withThirdDeployment("name: x\nprovider: simulatr\nmodel: m")).message())
                .isEqualTo("unknown provider 'simulatr' (did you mean 'simulator'?)");
    }

    @Test
    void duplicateDeploymentNames() {
        assertThat(only(withThirdDeployment("name: sim\nprovider: simulator\nmodel: m"))).isEqualTo(
                new ConfigError("deployments[2].name", "duplicate deployment name 'sim'"));
    }

    @Test
    void deploymentNamesMustBeSafeAndNotCollideWithModelAliases() {
        assertThat(only(withThirdDeployment("name: my model\nprovider: simulator\nmodel: m"))).isEqualTo(new ConfigError(
                "deployments[2].name", "must contain only letters, digits, '.', '_' and '-', got \"my model\""));
        assertThat(only(withThirdDeployment("name: auto\nprovider: simulator\nmodel: m"))).isEqualTo(new ConfigError(
                "deployments[2].name", "'auto' is reserved: clients send it as a model name to mean automatic routing"));
        assertThat(only(withThirdDeployment("name: Frontier\nprovider: simulator\nmodel: m"))).isEqualTo(new ConfigError(
                "deployments[2].name", "'Frontier' is reserved: clients send it as a model name to mean a tier"));
    }

    @Test
    void unknownTierNames() {
        assertThat(errorsOf(DEPLOYMENTS + TIERS + "  medium: {deployments: [gpt]}\n  balnced: {deployments: [gpt]}\n"))
                .containsExactly(
                        new ConfigError("tiers.medium", "unknown tier 'medium' (known: fast, balanced, frontier)"),
                        new ConfigError("tiers.balnced", "unknown tier 'balnced' (did you mean 'balanced'?)"));
    }

    @Test
    void tierNamingAnUnknownDeployment() {
        assertThat(errorsOf(DEPLOYMENTS + "tiers:\n  balanced: {deployments: [gpt, simm, nothing-like-it]}\n"))
                .containsExactly(
                        new ConfigError("tiers.balanced.deployments[1]", "unknown deployment 'simm' (did you mean 'sim'?)"),
                        new ConfigError("tiers.balanced.deployments[2]", "unknown deployment 'nothing-like-it' (known: gpt, sim)"));
    }

    @Test
    void sameDeploymentTwiceInOneTier() {
        assertThat(errorsOf(DEPLOYMENTS + "tiers:\n  balanced: {deployments: [gpt, sim, gpt]}\n")).containsExactly(
                new ConfigError("tiers.balanced.deployments[2]", "deployment 'gpt' is listed twice in this tier"));
    }

    @Test
    void defaultTierMustBeConfigured() {
        assertThat(errorsOf(DEPLOYMENTS + "tiers: {fast: {deployments: [gpt]}}\nrouting: {default_tier: frontier}\n"))
                .containsExactly(new ConfigError("routing.default_tier",
                        "tier 'frontier' is not configured under tiers (configured: fast)"));
        assertThat(errorsOf(DEPLOYMENTS + "tiers: {fast: {deployments: [gpt]}, frontier: {deployments: [sim]}}\n"))
                .containsExactly(new ConfigError("routing.default_tier",
                        "defaults to 'balanced', which is not configured under tiers; set it to one of: fast, frontier"));
        assertThat(errorsOf(DEPLOYMENTS + TIERS + "routing: {default_tier: balancd}\n")).containsExactly(
                new ConfigError("routing.default_tier", "unknown tier 'balancd' (did you mean 'balanced'?)"));
    }

    @Test
    void aRoutingSectionOfTheWrongTypeIsReportedOnce() {
        assertThat(errorsOf(DEPLOYMENTS + "tiers: {fast: {deployments: [gpt]}}\nrouting: frontier\n"))
                .containsExactly(new ConfigError("routing", "expected a mapping, got \"frontier\""));
    }

    @Test
    void baseUrlMustBeAnAbsoluteHttpUrl() {
        for (String bad : List.of("ftp:/x", "api.example.com/v1", "http://", "https://exa mple.com")) {
            assertThat(only(withThirdDeployment("name: x\nprovider: openai\nmodel: m\nbase_url: \"" + bad + "\"")))
                    .isEqualTo(new ConfigError("deployments[2].base_url",
                            "must be an absolute http(s) URL, got \"" + bad + "\""));
        }
        assertThat(only(withThirdDeployment("name: x\nprovider: openai\nmodel: m\nbase_url: http://h/v1?a=b")))
                .isEqualTo(new ConfigError("deployments[2].base_url",
                        "must not have a query or fragment, got \"http://h/v1?a=b\""));
    }

    @Test
    void pricesMustNotBeNegativeAndBothAreRequired() {
        assertThat(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\nprice: {input_per_mtok: -0.5, output_per_mtok: -1}"))
                .containsExactly(
                        new ConfigError("deployments[2].price.input_per_mtok", "must not be negative, got -0.5"),
                        new ConfigError("deployments[2].price.output_per_mtok", "must not be negative, got -1.0"));
        assertThat(only(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\nprice: {input_per_mtok: 1}")))
                .isEqualTo(new ConfigError("deployments[2].price.output_per_mtok", "missing required field"));
    }

    @Test
    void portMustBeInRange() {
        assertThat(errorsOf("server: {port: 0}\n" + DEPLOYMENTS + TIERS)).containsExactly(
                new ConfigError("server.port", "must be between 1 and 65535, got 0"));
        assertThat(errorsOf("server: {port: 65536}\n" + DEPLOYMENTS + TIERS)).containsExactly(
                new ConfigError("server.port", "must be between 1 and 65535, got 65536"));
    }

    @Test
    void durationsAndSizesMustBePositive() {
        assertThat(errorsOf("server: {idle_timeout: 0s, max_body_bytes: 0}\n" + DEPLOYMENTS + TIERS)).containsExactly(
                new ConfigError("server.max_body_bytes", "must be greater than zero, got 0"),
                new ConfigError("server.idle_timeout", "must be greater than zero, got 0ms"));
        assertThat(errorsOf("server: {max_body_bytes: 4GiB}\n" + DEPLOYMENTS + TIERS)).containsExactly(
                new ConfigError("server.max_body_bytes", "must be at most 2147483647 bytes, got 4294967296"));
        assertThat(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\ntimeouts: {connect: -5s, total: 10 minutes}"))
                .containsExactly(
                        new ConfigError("deployments[2].timeouts.connect", "must be greater than zero, got -5s"),
                        new ConfigError("deployments[2].timeouts.total", "must be a duration like 500ms, 5s, 2m, 1h "
                                + "or a whole number of milliseconds, got \"10 minutes\""));
        assertThat(only(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\nsimulator: {time_to_first_token: -1}")))
                .isEqualTo(new ConfigError("deployments[2].simulator.time_to_first_token", "must not be negative, got -1ms"));
    }

    @Test
    void firstByteAndConnectMustNotExceedTotal() {
        assertThat(only(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\ntimeouts: {first_byte: 60s, total: 30s}")))
                .isEqualTo(new ConfigError("deployments[2].timeouts.first_byte", "must not exceed total (1m > 30s)"));
        assertThat(only(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\ntimeouts: {connect: 10s, first_byte: 2s, total: 5s}")))
                .isEqualTo(new ConfigError("deployments[2].timeouts.connect", "must not exceed total (10s > 5s)"));
    }

    @Test
    void simulatorSettingsRanges() {
        assertThat(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\n"
                + "simulator: {failure_rate: 1.5, tokens_per_second: 0, answer_tokens: 0}")).containsExactly(
                new ConfigError("deployments[2].simulator.tokens_per_second", "must be greater than zero, got 0.0"),
                new ConfigError("deployments[2].simulator.answer_tokens", "must be between 1 and 2147483647, got 0"),
                new ConfigError("deployments[2].simulator.failure_rate", "must be between 0 and 1, got 1.5"));
        assertThat(only(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\nsimulator: {failure_rate: -0.1}")))
                .isEqualTo(new ConfigError("deployments[2].simulator.failure_rate", "must be between 0 and 1, got -0.1"));
    }

    @Test
    void providerSpecificFields() {
        assertThat(only(withThirdDeployment("name: x\nprovider: openai\nbase_url: http://h\nmodel: m\nsimulator: {seed: 1}")))
                .isEqualTo(new ConfigError("deployments[2].simulator",
                        "only allowed for provider simulator, this deployment uses openai"));
        assertThat(withThirdDeployment("name: x\nprovider: simulator\nmodel: m\nbase_url: http://h\napi_key: sk-no"))
                .containsExactly(
                        new ConfigError("deployments[2].base_url", "not used by provider simulator (only by openai, anthropic, azure and gemini)"),
                        new ConfigError("deployments[2].api_key", "not used by provider simulator (only by openai, anthropic, azure and gemini)"));
    }

    @Test
    void headerNamesMustBeTokensAndValuesAreNeverEchoed() {
        List<ConfigError> errors = withThirdDeployment(
                "name: x\nprovider: openai\nbase_url: http://h\nmodel: m\nheaders: {\"Bad Header\": secret-1, X-Ok: [secret-2]}");

        assertThat(errors).containsExactlyInAnyOrder(
                new ConfigError("deployments[2].headers[\"Bad Header\"]", "is not a valid HTTP header name"),
                new ConfigError("deployments[2].headers.X-Ok", "expected a string, got a list"));
        assertThat(errors.toString()).doesNotContain("secret-1").doesNotContain("secret-2");
    }

    @Test
    void reportsEveryErrorAtOnce() {
        List<ConfigError> errors = errorsOf("""
                server: {port: 99999, idle_timeout: soon}
                deployments:
                  - name: gpt
                    provider: openai
                    base_url: https://api.example.com/v1
                    model: m
                    price: {input_per_mtok: -1, output_per_mtok: 1}
                  - name: gpt
                    provider: simulator
                    model: m
                  - name: local
                    provider: openai
                    base_url: "ftp:/x"
                    api_key: ${MISSING_KEY}
                    model: m
                tiers:
                  fast: {deployments: [gpt, ghost]}
                  turbo: {deployments: [gpt]}
                routing: {default_tier: frontier}
                """);

        assertThat(errors).extracting(ConfigError::path).containsExactly(
                "deployments[2].api_key",
                "server.port",
                "server.idle_timeout",
                "deployments[0].price.input_per_mtok",
                "deployments[1].name",
                "deployments[2].base_url",
                "tiers.turbo",
                "tiers.fast.deployments[1]",
                "routing.default_tier");
    }
}
