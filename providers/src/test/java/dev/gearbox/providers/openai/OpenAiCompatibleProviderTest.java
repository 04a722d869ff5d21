package dev.gearbox.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.http.UserAgent;
import dev.gearbox.providers.testing.RecordingSink;
import dev.gearbox.providers.testing.WireMockUpstreamTest;
import java.net.ServerSocket;
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

class OpenAiCompatibleProviderTest extends WireMockUpstreamTest {
    private static final String KEY = "sk-deployment-key-0001";
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(3000));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";

    private final OpenAiCodec codec = new OpenAiCodec();

    private DeploymentConfig deployment(String baseUrl, String apiKey, Timeouts timeouts) {
        return new DeploymentConfig("mini", ProviderKind.OPENAI, URI.create(baseUrl), apiKey, "gpt-4o-mini",
                null, timeouts, Map.of("OpenAI-Organization", "org-42"), null);
    }

    private OpenAiCompatibleProvider provider(Timeouts timeouts) {
        return new OpenAiCompatibleProvider(deployment(wireMock.baseUrl() + "/v1", KEY, timeouts), http, codec, CLOCK);
    }

    private OpenAiCompatibleProvider provider() {
        return provider(FAST);
    }

    private static ChatRequest request() {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, "hello")));
    }

    private static ChatRequest streamRequest(boolean includeUsage) {
        return request().withStream(true, includeUsage);
    }

    private static MappingBuilder chat() {
        return post("/v1/chat/completions");
    }

    private static GatewayException failure(java.util.concurrent.CompletableFuture<?> future) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(GatewayException.class);
        return (GatewayException) e.getCause();
    }

    private static String sse(String... events) {
        StringBuilder out = new StringBuilder();
        for (String e : events) {
            out.append("data: ").append(e).append("\n\n");
        }
        return out.toString();
    }

    private static String chunk(String delta) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
    }

    @Test
    void completesWithTheDeploymentsModelKeyAndHeaders() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(COMPLETION)));

        ChatResponse response = provider().complete(request()).get(5, TimeUnit.SECONDS);

        assertThat(response.firstText()).isEqualTo("Hi there");
        assertThat(response.usage().totalTokens()).isEqualTo(7);
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(UserAgent.VALUE))
                .withHeader("OpenAI-Organization", equalTo("org-42"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("hello"))));
    }

    @Test
    void sendsNoAuthorizationWithoutADeploymentKeyAndJoinsATrailingSlashBase() throws Exception {
        wireMock.stubFor(post("/api/v1/chat/completions").willReturn(aResponse().withBody(COMPLETION)));
        OpenAiCompatibleProvider keyless = new OpenAiCompatibleProvider(
                deployment(wireMock.baseUrl() + "/api/v1/", null, FAST), http, codec, CLOCK);

        assertThat(keyless.complete(request()).get(5, TimeUnit.SECONDS).firstText()).isEqualTo("Hi there");

        wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    @Test
    void keepsTheConnectionAliveAcrossCalls() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withBody(COMPLETION)));
        OpenAiCompatibleProvider provider = provider();

        provider.complete(request()).get(5, TimeUnit.SECONDS);
        provider.complete(request()).get(5, TimeUnit.SECONDS);

        assertThat(http.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void rateLimitCarriesRetryAfterInSecondsOrAsADate() {
        wireMock.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
        GatewayException seconds = failure(provider().complete(request()));
        assertThat(seconds.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(seconds.upstreamStatus()).isEqualTo(429);

        wireMock.stubFor(chat().willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Tue, 24 Nov 2026 12:01:00 GMT").withBody("{}")));
        assertThat(failure(provider().complete(request())).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void serviceUnavailableIsRetryable() {
        wireMock.stubFor(chat().willReturn(aResponse().withStatus(503)
                .withBody("{\"error\":{\"message\":\"The engine is currently overloaded\"}}")));

        GatewayException e = failure(provider().complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("upstream mini returned HTTP 503: The engine is currently overloaded");
    }

    @Test
    void badRequestPassesTheUpstreamMessageThrough() {
        wireMock.stubFor(chat().willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"param\":\"temperature\",\"code\":null}}")));

        GatewayException e = failure(provider().complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.getMessage()).endsWith("Invalid value for 'temperature'");
        assertThat(e.param()).isEqualTo("temperature");
    }

    @Test
    void unauthorizedBlamesTheDeploymentKeyWithoutShowingIt() {
        wireMock.stubFor(chat().willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));

        GatewayException e = failure(provider().complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_AUTH);
        assertThat(e.getMessage()).contains("deployment's upstream API key").doesNotContain(KEY);
    }

    @Test
    void garbageBodyIsAnUpstreamError() {
        wireMock.stubFor(chat().willReturn(aResponse().withBody("<html>oops</html>")));

        assertThat(failure(provider().complete(request())).kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OpenAiCompatibleProvider down = new OpenAiCompatibleProvider(
                deployment("http://127.0.0.1:" + port + "/v1", KEY, FAST), http, codec, CLOCK);

        GatewayException e = failure(down.complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("connect to 127.0.0.1:" + port + " failed: Connection refused");
    }

    @Test
    void slowFirstByteTimesOut() {
        wireMock.stubFor(chat().willReturn(aResponse().withFixedDelay(1000).withBody(COMPLETION)));
        Timeouts timeouts = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(150), Duration.ofMillis(3000));

        GatewayException e = failure(provider(timeouts).complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(e.getMessage()).startsWith("first-byte timeout after 150 ms");
    }

    @Test
    void dribblingStreamHitsTheTotalTimeout() throws Exception {
        String body = sse(chunk("{\"content\":\"a\"}"), chunk("{\"content\":\"b\"}"), "[DONE]");
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(body).withChunkedDribbleDelay(20, 2000)));
        Timeouts timeouts = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(300));
        RecordingSink sink = new RecordingSink();

        provider(timeouts).stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(e.getMessage()).startsWith("total timeout after 300 ms");
    }

    @Test
    void streamsChunksToolCallDeltasAndTheUsageChunk() throws Exception {
        String body = sse(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}"),
                chunk("{\"content\":\"Hel\"}"),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}]}"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":1}\"}}]}"),
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}}",
                "[DONE]");
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(body).withChunkedDribbleDelay(7, 100)));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(true), sink);

        assertThat(sink.await()).isNull();
        assertThat(sink.chunks).hasSize(5);
        assertThat(sink.chunks.get(1).choices().get(0).delta().content()).isEqualTo("Hel");
        assertThat(sink.chunks.get(2).choices().get(0).delta().toolCalls().get(0).name()).isEqualTo("lookup");
        assertThat(sink.chunks.get(3).choices().get(0).delta().toolCalls().get(0).arguments()).isEqualTo("{\"q\":1}");
        assertThat(sink.chunks.get(4).isUsageOnly()).isTrue();
        assertThat(sink.chunks.get(4).usage().totalTokens()).isEqualTo(9);
        assertThat(sink.endings.get()).isEqualTo(1);
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    @Test
    void streamWithoutDoneIsACutStream() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(chunk("{\"content\":\"a\"}"), chunk("{\"content\":\"b\"}")))));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("stream ended before [DONE] after 2 chunks");
        assertThat(sink.chunks).hasSize(2);
    }

    @Test
    void brokenConnectionMidStreamIsAnUpstreamError() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void errorEventInTheStreamFailsIt() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(chunk("{\"content\":\"a\"}"), "{\"error\":{\"message\":\"model crashed\"}}", "[DONE]"))));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("upstream mini sent an error in the stream: model crashed");
        assertThat(sink.chunks).hasSize(1);
        assertThat(sink.completed).isFalse();
    }

    @Test
    void unparseableChunkFailsTheStream() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse("{not json", "[DONE]"))));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        assertThat(sink.await().kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void errorStatusOnAStreamRequestIsMappedBeforeAnyChunk() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "250")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"slow down\"}}")));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(sink.chunks).isEmpty();
    }

    @Test
    void jsonAnswerToAStreamRequestIsAnUpstreamError() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        RecordingSink sink = new RecordingSink();

        provider().stream(streamRequest(false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("instead of text/event-stream");
    }

    @Test
    void cancellingAStreamClosesTheUpstreamConnection() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(chunk("{\"content\":\"a\"}"), chunk("{\"content\":\"b\"}"), "[DONE]"))
                .withChunkedDribbleDelay(40, 4000)));
        RecordingSink sink = new RecordingSink();

        StreamHandle handle = provider().stream(streamRequest(false), sink);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (http.openConnections() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        handle.cancel();
        // As for a cancelled completion: no connection may stay busy with the stream; one the cancel
        // reached before the request was attached was never used and may stay idle in the pool.
        while (http.openConnections() - http.idleConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(http.openConnections() - http.idleConnections()).isZero();
        assertThat(sink.endings.get()).isZero();
    }

    @Test
    void cancellingACompletionFutureAbortsTheCall() throws Exception {
        wireMock.stubFor(chat().willReturn(aResponse().withFixedDelay(2000).withBody(COMPLETION)));

        var future = provider().complete(request());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (http.openConnections() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        future.cancel(true);
        // No connection may stay busy with the cancelled call. One the cancel reached before the
        // request was attached to it was never used, so the pool may keep it idle for reuse.
        while (http.openConnections() - http.idleConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(http.openConnections() - http.idleConnections()).isZero();
        assertThat(future).isCancelled();
    }
}
