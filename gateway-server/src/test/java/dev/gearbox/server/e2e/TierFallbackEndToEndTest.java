package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import dev.gearbox.testfixtures.RecordedRequest;
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

    /** Written as a user would, through the real loader with {@code ${ENV}} interpolation, on a free port. */
    private static GearboxConfig config(boolean fallbackUp) {
        String yaml = """
                deployments:
                  - {name: fast-down, provider: openai, base_url: "${MOCK_URL}", api_key: "${MOCK_KEY}", model: error-500}
                  - {name: fast-overloaded, provider: openai, base_url: "${MOCK_URL}", api_key: "${MOCK_KEY}", model: error-503}
                  - {name: balanced-up, provider: openai, base_url: "${MOCK_URL}", api_key: "${MOCK_KEY}", model: ok}
                  - name: timing-out
                    provider: openai
                    base_url: ${MOCK_URL}
                    api_key: ${MOCK_KEY}
                    model: error-408
                    timeouts: {connect: 1s, first_byte: 2s, total: 5s}
                  - {name: rejecting, provider: openai, base_url: "${MOCK_URL}", api_key: "${MOCK_KEY}", model: error-400}
                tiers:
                  fast: {deployments: [fast-down, fast-overloaded]}
                  balanced: {deployments: [balanced-up]}
                  frontier: {deployments: [timing-out, rejecting, balanced-up]}
                routing: {default_tier: fast, fallback_up: FALLBACK_UP}
                """.replace("FALLBACK_UP", Boolean.toString(fallbackUp));
        GearboxConfig parsed = ConfigLoader.parse(yaml,
                Map.of("MOCK_URL", upstream.baseUrl().toString(), "MOCK_KEY", "sk-from-env"), "tier-fallback.yaml");
        // The loader insists on a real port; the test wants the OS's pick.
        return new GearboxConfig(EndToEnd.server(1 << 20), parsed.deployments(), parsed.tiers(), parsed.routing());
    }

    @Test
    void withFallbackUpTheNextTierAnswers() {
        HttpResponseFor<ChatCompletion> raw = fallingUpClient.chat().completions().withRawResponse().create(AUTO);

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Hello from the mock upstream.");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("balanced-up");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("balanced");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("3");
        List<RecordedRequest> requests = upstream.requests();
        assertThat(requests.get(requests.size() - 1).header("authorization")).as("the key from the environment")
                .isEqualTo("Bearer sk-from-env");
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
