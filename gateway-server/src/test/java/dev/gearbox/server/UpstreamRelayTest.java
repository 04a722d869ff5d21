package dev.gearbox.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in wiring against a WireMock upstream: the OpenAI-compatible provider sends the
 * deployment's model and key (never the client's), and answers and streams come back intact.
 */
class UpstreamRelayTest {
    private static final String ANSWER = "{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"from upstream\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
    private static final String STREAM = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"up\"},"
            + "\"finish_reason\":null}]}\n\ndata: [DONE]\n\n";

    private WireMockServer upstream;
    private GearboxApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        DeploymentConfig deployment = new DeploymentConfig("up-1", ProviderKind.OPENAI,
                URI.create("http://127.0.0.1:" + upstream.port() + "/v1"), "sk-deployment-key", "upstream-model",
                null, null, null, null);
        GearboxConfig config = new GearboxConfig(new ServerConfig("127.0.0.1", 0, 65_536, Duration.ofSeconds(30), false),
                List.of(deployment), Map.of(Tier.FAST, new TierConfig(List.of("up-1"))), new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
        upstream.stop();
    }

    private HttpRequest chat(boolean stream) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-client-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"auto\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aCompletionUsesTheDeploymentsKeyAndModel() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("content-type", "application/json").withBody(ANSWER)));

        HttpResponse<String> response = http.send(chat(false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"from upstream\"");
        assertThat(response.headers().firstValue("x-gearbox-deployment")).hasValue("up-1");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-deployment-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("upstream-model"))));
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-client-key")));
    }

    @Test
    void aStreamIsRelayedAsServerSentEvents() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("content-type", "text/event-stream").withBody(STREAM)));

        HttpResponse<String> response = http.send(chat(true), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.body()).contains("\"content\":\"up\"").endsWith("data: [DONE]\n\n");
    }

    @Test
    void anUpstreamFailureIsAnOpenAiError() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")));

        HttpResponse<String> response = http.send(chat(false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"type\":\"api_error\"").doesNotContain("sk-deployment-key");
    }
}
