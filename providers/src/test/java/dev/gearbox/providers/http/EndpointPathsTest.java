package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointPathsTest {
    @Test
    void joinsWithOrWithoutTrailingSlash() {
        assertThat(EndpointPaths.join(URI.create("https://api.example.com/v1"), "chat/completions"))
                .hasToString("https://api.example.com/v1/chat/completions");
        assertThat(EndpointPaths.join(URI.create("https://api.example.com/v1/"), "/chat/completions"))
                .hasToString("https://api.example.com/v1/chat/completions");
    }

    @Test
    void joinsOntoABareHostAndKeepsPortAndQuery() {
        assertThat(EndpointPaths.join(URI.create("http://127.0.0.1:8000"), "chat/completions"))
                .hasToString("http://127.0.0.1:8000/chat/completions");
        assertThat(EndpointPaths.join(URI.create("https://h.example/openai/deployments/x?api-version=2024-06-01"),
                "chat/completions"))
                .hasToString("https://h.example/openai/deployments/x/chat/completions?api-version=2024-06-01");
    }

    @Test
    void aDeploymentWithoutBaseUrlIsRefusedByName() {
        var withUrl = new DeploymentConfig("up", ProviderKind.OPENAI, URI.create("http://127.0.0.1:9/v1"), null, "m",
                null, null, Map.of(), null);
        var withoutUrl = new DeploymentConfig("up", ProviderKind.OPENAI, null, null, "m", null, null, Map.of(), null);

        assertThat(EndpointPaths.requireBaseUrl(withUrl)).isEqualTo(URI.create("http://127.0.0.1:9/v1"));
        assertThatThrownBy(() -> EndpointPaths.requireBaseUrl(withoutUrl))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("deployment up has no base_url");
    }
}
