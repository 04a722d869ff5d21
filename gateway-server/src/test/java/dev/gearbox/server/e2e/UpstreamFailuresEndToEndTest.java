package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.mock;
import static dev.gearbox.server.e2e.EndToEnd.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.config.Timeouts;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import dev.gearbox.testfixtures.RecordedRequest;
import dev.gearbox.testfixtures.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream failures as the official SDK sees them: fallback inside a tier, every attempt failing,
 * timeouts, rate limits and their cooldown, pinned deployments, and streams that fail before and
 * after the first byte went out.
 */
class UpstreamFailuresEndToEndTest {
    private static final Timeouts SHORT_FIRST_BYTE =
            new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5));

    private static MockUpstreamServer upstream;
    /** A stream that dribbles past its total budget fails after its first byte went out. */
    private static final Timeouts SHORT_TOTAL =
            new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        GearboxConfig config = new GearboxConfig(EndToEnd.server(1 << 20),
                List.of(mock(upstream, "flaky", "error-503"), mock(upstream, "steady", "ok"),
                        mock(upstream, "broken-503", "error-503"), mock(upstream, "broken-500", "error-500"),
                        mock(upstream, "limited-a", "error-429-retry-30"), mock(upstream, "limited-b", "error-429-retry-60"),
                        mock(upstream, "rejecting", "error-400"), mock(upstream, "slow", "slow-2000", SHORT_FIRST_BYTE),
                        mock(upstream, "cut", "stream-cut-after-3"), mock(upstream, "babbling", "garbage"),
                        mock(upstream, "dribbling", "stream-slow-200", SHORT_TOTAL)),
                Map.of(Tier.FAST, new TierConfig(List.of("flaky", "steady")),
                        Tier.BALANCED, new TierConfig(List.of("broken-503", "broken-500")),
                        Tier.FRONTIER, new TierConfig(List.of("limited-a", "limited-b"))),
                new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, CLOCK);
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi");
    }

    private static <T extends Throwable> T failure(String model, Class<T> type) {
        return thrown(type, () -> client.chat().completions().create(ask(model).build()));
    }

    /**
     * Streams from {@code model} until the SDK fails with {@code type}, collecting the content that
     * arrived before; never waits longer than five seconds, so a hanging stream fails the test.
     */
    private static <T extends Throwable> T streamFailure(String model, Class<T> type, List<String> received) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> thrown(type, () -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                    .createStreaming(ask(model).build())) {
                stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(received::add)));
            }
        }));
    }

    @Test
    void anUnknownModelIsModelNotFound() {
        NotFoundException e = failure("gpt-nonexistent", NotFoundException.class);

        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.code()).hasValue("model_not_found");
        assertThat(e.param()).hasValue("model");
    }

    @Test
    void anUpstream400IsReturnedAsItIs() {
        BadRequestException e = failure("rejecting", BadRequestException.class);

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("mock upstream error 400");
    }

    @Test
    void whenEveryAttemptFailsTheErrorListsEachDeploymentAndWhy() {
        InternalServerException e = thrown(InternalServerException.class, () -> client.chat().completions()
                .create(ask("balanced").putAdditionalHeader("x-request-id", "trace-e2e-42").build()));

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(header(e.headers(), "x-gearbox-request-id")).isEqualTo("trace-e2e-42");
        assertThat(e.getMessage()).contains("broken-503").contains("broken-500").contains("503").contains("500");
    }

    @Test
    void anUpstreamSlowerThanItsFirstByteTimeoutIs504() {
        long started = System.nanoTime();
        InternalServerException e = failure("slow", InternalServerException.class);

        assertThat(e.statusCode()).isEqualTo(504);
        assertThat(e.code()).hasValue("upstream_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void rateLimitedEverywhereIs503WithRetryAfterThenTheCooledDownDeploymentsAreSkipped() {
        InternalServerException first = failure("frontier", InternalServerException.class);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(header(first.headers(), "retry-after")).isEqualTo("30");
        long aCalls = upstream.requestCount("error-429-retry-30");
        long bCalls = upstream.requestCount("error-429-retry-60");
        assertThat(aCalls).isEqualTo(1);
        assertThat(bCalls).isEqualTo(1);

        InternalServerException second = failure("frontier", InternalServerException.class);

        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.code()).hasValue("no_deployment_available");
        assertThat(Integer.parseInt(header(second.headers(), "retry-after"))).isBetween(1, 30);
        assertThat(upstream.requestCount("error-429-retry-30")).isEqualTo(aCalls);
        assertThat(upstream.requestCount("error-429-retry-60")).isEqualTo(bCalls);

        CLOCK.advance(Duration.ofSeconds(31));
        InternalServerException third = failure("frontier", InternalServerException.class);

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(upstream.requestCount("error-429-retry-30")).as("back in rotation after its Retry-After")
                .isEqualTo(aCalls + 1);
        assertThat(upstream.requestCount("error-429-retry-60")).as("still cooling down").isEqualTo(bCalls);
    }

    @Test
    void anUpstreamAnsweringWithSomethingOtherThanJsonIs502() {
        InternalServerException e = failure("babbling", InternalServerException.class);

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.type()).hasValue("api_error");
    }

    @Test
    void anUpstreamStreamingSomethingOtherThanSseIs502BeforeTheFirstByte() {
        InternalServerException e = streamFailure("babbling", InternalServerException.class, new ArrayList<>());

        assertThat(e.statusCode()).isEqualTo(502);
    }

    @Test
    void aStreamWhoseEveryAttemptFailsIsAnOpenAiErrorNotAnEmptyStream() {
        InternalServerException e = streamFailure("balanced", InternalServerException.class, new ArrayList<>());

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.getMessage()).contains("broken-503").contains("broken-500");
    }

    @Test
    void aFailingDeploymentFallsBackToTheNextInItsTier() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(ask("fast").build());

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Hello from the mock upstream.");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("steady");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("2");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("fast");
        List<RecordedRequest> requests = upstream.requests();
        RecordedRequest failed = requests.get(requests.size() - 2);
        RecordedRequest answered = requests.get(requests.size() - 1);
        assertThat(failed.model()).isEqualTo("error-503");
        assertThat(failed.header("authorization")).as("each deployment its own key").isEqualTo("Bearer sk-flaky");
        assertThat(answered.model()).isEqualTo("ok");
        assertThat(answered.header("authorization")).isEqualTo("Bearer sk-steady");
    }

    @Test
    void aPinnedDeploymentThatFailsDoesNotFallBack() {
        long steadyCalls = upstream.requestCount("ok");

        InternalServerException e = failure("flaky", InternalServerException.class);

        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.getMessage()).contains("flaky");
        assertThat(upstream.requestCount("ok")).isEqualTo(steadyCalls);
    }

    @Test
    void aStreamCutAfterItsFirstByteFailsTheIterationInsteadOfHanging() {
        List<String> received = new ArrayList<>();
        OpenAIServiceException e = streamFailure("cut", OpenAIServiceException.class, received);

        assertThat(e).as("the stream must fail, not end as if complete").isInstanceOf(SseException.class);
        assertThat(e.type()).as("an OpenAI error event").isPresent();
        assertThat(e.getMessage()).contains("cut");
        assertThat(received).as("content before the cut reached the client").isNotEmpty();
    }

    @Test
    void aStreamRunningPastItsTotalTimeoutEndsWithAnErrorInsteadOfHanging() {
        List<String> received = new ArrayList<>();
        long started = System.nanoTime();
        OpenAIServiceException e = streamFailure("dribbling", OpenAIServiceException.class, received);

        assertThat(e).as("the stream must fail, not end as if complete").isInstanceOf(SseException.class);
        assertThat(e.type()).hasValue("timeout_error");
        assertThat(received).isNotEmpty();
        // Seven events 200 ms apart: the whole stream would take about 1.4 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void aStreamSlowerThanItsFirstByteTimeoutIs504BeforeTheFirstByte() {
        InternalServerException e = streamFailure("slow", InternalServerException.class, new ArrayList<>());

        assertThat(e.statusCode()).isEqualTo(504);
    }

    @Test
    void aStreamFailingBeforeItsFirstByteFallsBackToTheNextDeployment() {
        long failedCalls = upstream.requestCount("error-503");
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("fast")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(StreamShape.text(chunks)).isEqualTo("Hello from the mock upstream.");
        assertThat(upstream.requestCount("error-503")).isEqualTo(failedCalls + 1);
    }
}
