package dev.gearbox.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

/** Small helpers shared by the config tests. */
final class ConfigFixtures {
    /** Two tiers over one openai and one simulator deployment; tests append or replace pieces. */
    static final String DEPLOYMENTS = """
            deployments:
              - name: gpt
                provider: openai
                base_url: https://api.example.com/v1
                api_key: sk-test-secret
                model: gpt-4.1-mini
              - name: sim
                provider: simulator
                model: sim-model
            """;
    static final String TIERS = """
            tiers:
              fast: {deployments: [sim]}
              balanced: {deployments: [gpt]}
            """;

    private ConfigFixtures() {
    }

    static GearboxConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, Map.of(), "test.yaml");
    }

    /** The errors a configuration that must fail reports. */
    static List<ConfigError> errorsOf(String yaml) {
        return errorsOf(yaml, Map.of());
    }

    static List<ConfigError> errorsOf(String yaml, Map<String, String> env) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, env, "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(t -> caught[0] = t);
        return ((ConfigException) caught[0]).errors();
    }
}
