package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole server with OpenAI-compatible deployments on the scripted mock upstream, whose
 * behaviour follows the deployment's model name: fallback, a stream cut after the commit point,
 * and rate limits reach the client as OpenAI errors with the right status and headers.
 */
class MockUpstreamFlowTest {
    private static MockUpstreamServer upstream;
    private static GearboxApp app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        GearboxConfig config = new GearboxConfig(new ServerConfig("127.0.0.1", 0, 65_536, Duration.ofSeconds(30), false),
                List.of(deployment("down", "error-503"), deployment("up", "ok"), deployment("cut", "stream-cut-after-3"),
                        deployment("limited", "error-429-retry-7")),
                Map.of(Tier.FAST, new TierConfig(List.of("down", "up")),
                        Tier.BALANCED, new TierConfig(List.of("limited")),
                        Tier.FRONTIER, new TierConfig(List.of("cut"))),
                new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    private static DeploymentConfig deployment(String name, String behaviour) {
        return new DeploymentConfig(name, ProviderKind.OPENAI, upstream.baseUrl(), "sk-mock", behaviour, null, null,
                null, null);
    }

    private static HttpResponse<String> chat(String model, boolean stream) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailingDeploymentFallsBackToTheNext() throws Exception {
        HttpResponse<String> response = chat("fast", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gearbox-deployment")).hasValue("up");
        assertThat(response.headers().firstValue("x-gearbox-attempts")).hasValue("2");
    }

    @Test
    void aStreamCutAfterTheCommitPointEndsWithAnErrorEventAndNoDone() throws Exception {
        HttpResponse<String> response = chat("frontier", true);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = response.body().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(2).doesNotContain("data: [DONE]");
        assertThat(events.get(events.size() - 1)).startsWith("data: {\"error\":{");
    }

    @Test
    void everyDeploymentRateLimitedIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = chat("balanced", false);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(response.body()).contains("\"type\":\"api_error\"");
    }
}
