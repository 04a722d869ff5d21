package dev.gearbox.providers.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Gemini client against a WireMock upstream replaying the recorded fixtures. */
class GeminiProviderTest extends WireMockUpstreamTest {
    private static final String KEY = "AIzaSyTestDeploymentKey000000000000000";
    private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(3000));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private GeminiProvider provider;

    @BeforeEach
    void newProvider() {
        provider = new GeminiProvider(new DeploymentConfig("gemini-flash", ProviderKind.GEMINI,
                URI.create(wireMock.baseUrl()), KEY, "gemini-2.5-flash", null, FAST, Map.of("x-goog-user-project", "p1"),
                null), http, GeminiFixtures.JSON, CLOCK);
    }

    private static ChatRequest request() {
        return ChatRequest.of("auto", List.of(Message.of(Role.SYSTEM, "Be brief."), Message.of(Role.USER, "Capital of France?")));
    }

    private static MappingBuilder generate() {
        return post(urlEqualTo(GENERATE));
    }

    private static MappingBuilder stream() {
        return post(urlEqualTo(STREAM));
    }

    private static GatewayException failure(CompletableFuture<?> future) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(GatewayException.class);
        return (GatewayException) e.getCause();
    }

    @Test
    void completesWithTheKeyInAHeaderNeverInTheUrl() throws Exception {
        wireMock.stubFor(generate().willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.bytes("response-text.json"))));

        ChatResponse response = provider.complete(request()).get(5, TimeUnit.SECONDS);

        assertThat(response.firstText()).isEqualTo("Paris is the capital of France.");
        assertThat(response.created()).isEqualTo(CLOCK.instant().getEpochSecond());
        wireMock.verify(postRequestedFor(urlEqualTo(GENERATE))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Authorization", absent())
                .withHeader("x-goog-user-project", equalTo("p1"))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", equalTo("Be brief.")))
                .withRequestBody(matchingJsonPath("$.contents[0].role", equalTo("user"))));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain(KEY);
    }

    @Test
    void streamsChunksThenTheUsageChunkAndCompletes() throws Exception {
        wireMock.stubFor(stream().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(GeminiFixtures.bytes("stream-text.sse"))));
        RecordingSink sink = new RecordingSink();

        provider.stream(request().withStream(true, true), sink);

        assertThat(sink.await()).isNull();
        List<ChatChunk> chunks = sink.chunks;
        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(chunks.get(3).isUsageOnly()).isTrue();
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunk() throws Exception {
        wireMock.stubFor(stream().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(GeminiFixtures.bytes("stream-text.sse"))));
        RecordingSink sink = new RecordingSink();

        provider.stream(request().withStream(true, false), sink);

        assertThat(sink.await()).isNull();
        assertThat(sink.chunks).hasSize(3).noneMatch(ChatChunk::isUsageOnly);
    }

    @Test
    void aStreamEndingBeforeTheFinishReasonIsCut() throws Exception {
        String first = GeminiFixtures.text("stream-text.sse").split("\n\n")[0] + "\n\n";
        wireMock.stubFor(stream().willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(first)));
        RecordingSink sink = new RecordingSink();

        provider.stream(request().withStream(true, true), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("stream ended before Gemini's finishReason after 1 chunks");
        assertThat(sink.chunks).hasSize(1);
    }

    @Test
    void anErrorEventInTheStreamFailsIt() throws Exception {
        String body = GeminiFixtures.text("stream-text.sse").split("\n\n")[0] + "\n\n"
                + "data: {\"error\":{\"code\":500,\"message\":\"Internal error encountered.\",\"status\":\"INTERNAL\"}}\n\n";
        wireMock.stubFor(stream().willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
        RecordingSink sink = new RecordingSink();

        provider.stream(request().withStream(true, false), sink);

        assertThat(sink.await().getMessage()).contains("sent an error in the stream (INTERNAL)");
        assertThat(sink.endings.get()).isEqualTo(1);
    }

    @Test
    void aStreamRefusedUpFrontMapsLikeACompleteAnswer() throws Exception {
        wireMock.stubFor(stream().willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.bytes("error-429.json"))));
        RecordingSink sink = new RecordingSink();

        provider.stream(request().withStream(true, false), sink);

        GatewayException e = sink.await();
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(13));
        assertThat(sink.chunks).isEmpty();
    }

    @Test
    void overloadIsRetryableUnavailable() {
        wireMock.stubFor(generate().willReturn(aResponse().withStatus(503).withBody(GeminiFixtures.bytes("error-503.json"))));

        GatewayException e = failure(provider.complete(request()));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("upstream gemini-flash returned HTTP 503 UNAVAILABLE: "
                + "The model is overloaded. Please try again later.");
    }

    @Test
    void aBrokenConnectionAndAnUnreadableBodyAreUpstreamErrors() {
        wireMock.stubFor(generate().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failure(provider.complete(request())).kind().retryable()).isTrue();

        wireMock.stubFor(generate().willReturn(aResponse().withBody("<html>oops</html>")));
        assertThat(failure(provider.complete(request())).kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
    }

    @Test
    void anInvalidRequestFailsBeforeAnyCall() {
        ChatRequest imageLink = ChatRequest.of("auto", List.of(new Message(Role.USER, new Content.Parts(List.of(
                new ContentPart.ImageUrl("https://example.com/cat.png", null))), null, List.of(), null, Map.of())));

        assertThat(failure(provider.complete(imageLink)).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
