package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.mock;
import static dev.gearbox.server.e2e.EndToEnd.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which failures move a request on: when every deployment of the fast tier fails,
 * {@code routing.fallback_up} decides whether balanced answers; inside a tier a 408 moves on to the
 * next deployment while a 400 (the request's own fault) stops and reaches the client as it is.
 */
class TierFallbackEndToEndTest {
    private static final ChatCompletionCreateParams AUTO =
            ChatCompletionCreateParams.builder().model("auto").addUserMessage("hi").build();

    private static MockUpstreamServer upstream;
    private static GearboxApp fallingUp;
    private static GearboxApp stayingPut;
    private static OpenAIClient fallingUpClient;
    private static OpenAIClient stayingPutClient;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        fallingUp = GearboxApp.start(config(true), GearboxProviders::factory, Clock.systemUTC());
        stayingPut = GearboxApp.start(config(false), GearboxProviders::factory, Clock.systemUTC());
        fallingUpClient = EndToEnd.client(fallingUp);
        stayingPutClient = EndToEnd.client(stayingPut);
    }

    @AfterAll
    static void stop() throws Exception {
        fallingUpClient.close();
        stayingPutClient.close();
        fallingUp.stop(Duration.ofSeconds(1));
        stayingPut.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    private static GearboxConfig config(boolean fallbackUp) {
        return new GearboxConfig(EndToEnd.server(1 << 20),
                List.of(mock(upstream, "fast-down", "error-500"), mock(upstream, "fast-overloaded", "error-503"),
                        mock(upstream, "balanced-up", "ok"), mock(upstream, "timing-out", "error-408"),
                        mock(upstream, "rejecting", "error-400")),
                Map.of(Tier.FAST, new TierConfig(List.of("fast-down", "fast-overloaded")),
                        Tier.BALANCED, new TierConfig(List.of("balanced-up")),
                        Tier.FRONTIER, new TierConfig(List.of("timing-out", "rejecting", "balanced-up"))),
                new RoutingConfig(Tier.FAST, fallbackUp));
    }

    @Test
    void withFallbackUpTheNextTierAnswers() {
        HttpResponseFor<ChatCompletion> raw = fallingUpClient.chat().completions().withRawResponse().create(AUTO);

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Hello from the mock upstream.");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("balanced-up");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("balanced");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("3");
    }

    @Test
    void withoutFallbackUpTheTiersFailureIsTheAnswer() {
        long answered = upstream.requestCount("ok");

        InternalServerException e = thrown(InternalServerException.class,
                () -> stayingPutClient.chat().completions().create(AUTO));

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.getMessage()).contains("fast-down").contains("fast-overloaded").doesNotContain("balanced-up");
        assertThat(upstream.requestCount("ok")).isEqualTo(answered);
    }

    @Test
    void a408MovesOnButA400StopsTheFallbackAndIsReturnedAsItIs() {
        long answered = upstream.requestCount("ok");
        long timedOut = upstream.requestCount("error-408");

        BadRequestException e = thrown(BadRequestException.class, () -> fallingUpClient.chat()
                .completions().create(ChatCompletionCreateParams.builder().model("frontier").addUserMessage("hi").build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("mock upstream error 400");
        assertThat(upstream.requestCount("error-408")).isEqualTo(timedOut + 1);
        assertThat(upstream.requestCount("ok")).as("no fallback after a 400").isEqualTo(answered);
    }
}
