package dev.gearbox.providers.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.gearbox.config.AnthropicSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.providers.testing.RecordingSink;
import dev.gearbox.providers.testing.WireMockUpstreamTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client side: what goes on the wire, and failures of the transport rather than of the API. */
class AnthropicProviderTest extends WireMockUpstreamTest {
    private static final String KEY = "sk-ant-deployment-key-0001";
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(3000));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String MESSAGE = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-x","content":[{"type":"text","text":"Hi"}],
             "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}""";

    private AnthropicProvider provider(String baseUrl, AnthropicSettings settings) {
        DeploymentConfig d = new DeploymentConfig("claude", ProviderKind.ANTHROPIC, URI.create(baseUrl), KEY, "claude-x",
                null, FAST, Map.of("anthropic-beta", "prompt-caching-2024-07-31"), null).withAnthropic(settings);
        return new AnthropicProvider(d, http, CLOCK);
    }

    private static ChatRequest hello() {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, "hello")));
    }

    @Test
    void sendsTheKeyVersionAndDeploymentHeadersToV1MessagesUnderTheBaseUrl() throws Exception {
        wireMock.stubFor(post("/proxy/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(MESSAGE)));

        ChatResponse r = provider(wireMock.baseUrl() + "/proxy/", new AnthropicSettings("2024-02-02", 256))
                .complete(hello()).get(5, TimeUnit.SECONDS);

        assertThat(r.firstText()).isEqualTo("Hi");
        wireMock.verify(postRequestedFor(urlEqualTo("/proxy/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2024-02-02"))
                .withHeader("anthropic-beta", equalTo("prompt-caching-2024-07-31"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent()));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("\"max_tokens\":256");
    }

    @Test
    void theMessagesEndpointToleratesABaseUrlThatAlreadyEndsInV1() {
        assertThat(AnthropicProvider.messagesEndpoint(URI.create("https://api.anthropic.com")))
                .isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(AnthropicProvider.messagesEndpoint(URI.create("https://api.anthropic.com/v1/")))
                .isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(AnthropicProvider.messagesEndpoint(URI.create("http://gw.internal/anthropic")))
                .isEqualTo(URI.create("http://gw.internal/anthropic/v1/messages"));
    }

    @Test
    void aRefusedRequestNeverLeaves() {
        ChatRequest twoChoices = new ChatRequest("auto", hello().messages(), false, false, List.of(), null, null, null,
                null, null, null, 3, null, null, null, null, Map.of());

        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> provider(wireMock.baseUrl(), AnthropicSettings.DEFAULT).complete(twoChoices).get(5, TimeUnit.SECONDS));

        assertThat(((GatewayException) e.getCause()).param()).isEqualTo("n");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnreachableUpstreamIsUnavailableSoFallbackMovesOn() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> provider("http://127.0.0.1:" + closedPort, AnthropicSettings.DEFAULT).complete(hello())
                        .get(5, TimeUnit.SECONDS));

        GatewayException ge = (GatewayException) e.getCause();
        assertThat(ge.kind().retryable()).isTrue();
        assertThat(ge.getMessage()).doesNotContain(KEY);
    }

    @Test
    void aJsonAnswerToAStreamRequestFailsTheStreamBeforeAnyChunk() throws Exception {
        wireMock.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(MESSAGE)));
        RecordingSink sink = new RecordingSink();

        provider(wireMock.baseUrl(), AnthropicSettings.DEFAULT).stream(hello().withStream(true, false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("instead of an event stream");
        assertThat(sink.chunks).isEmpty();
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void aBrokenConnectionMidStreamEndsItOnceAsAnUpstreamError() throws Exception {
        wireMock.stubFor(post("/v1/messages").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        RecordingSink sink = new RecordingSink();

        provider(wireMock.baseUrl(), AnthropicSettings.DEFAULT).stream(hello().withStream(true, false), sink);

        assertThat(sink.await().kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void aCancelledStreamSaysNothingMore() throws Exception {
        wireMock.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n")
                .withFixedDelay(300)));
        RecordingSink sink = new RecordingSink();

        provider(wireMock.baseUrl(), AnthropicSettings.DEFAULT).stream(hello().withStream(true, false), sink).cancel();

        assertThat(sink.hasEnded()).isFalse();
        Thread.sleep(400);
        assertThat(sink.chunks).isEmpty();
        assertThat(sink.endings.get()).isZero();
    }
}
