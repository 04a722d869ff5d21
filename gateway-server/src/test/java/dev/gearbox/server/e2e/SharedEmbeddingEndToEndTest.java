package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.mock;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gearbox.config.CacheConfig;
import dev.gearbox.config.ExactCacheConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.SemanticCacheConfig;
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
 * With the router and the semantic cache both on, a request that misses the cache and is then
 * classified costs one run of the embedding model, not two ({@code gearbox.embeddings}).
 */
class SharedEmbeddingEndToEndTest {
    private static MockUpstreamServer upstream;
    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        CacheConfig cache = new CacheConfig(new ExactCacheConfig(true, 1 << 20, Duration.ofHours(1), false),
                new SemanticCacheConfig(true, SemanticCacheConfig.DEFAULT_THRESHOLD, 100, 1 << 20, Duration.ofHours(1),
                        0.3), null, null);
        RouterConfig router = new RouterConfig(true, RouterConfig.BUILTIN, RouterConfig.DEFAULT_THRESHOLDS,
                RouterConfig.DEFAULT_CONFIDENCE_FLOOR, Tier.BALANCED, null, List.of());
        TierConfig echo = new TierConfig(List.of("mock-echo"));
        GearboxConfig config = new GearboxConfig(EndToEnd.server(1 << 20), List.of(mock(upstream, "mock-echo", "echo")),
                Map.of(Tier.FAST, echo, Tier.BALANCED, echo, Tier.FRONTIER, echo), new RoutingConfig(Tier.BALANCED, false),
                router).withCache(cache);
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        upstream.close();
    }

    private static double modelRuns() {
        return app.meters().get("gearbox.embeddings").counter().count();
    }

    private static HttpResponseFor<ChatCompletion> ask(String question) {
        return client.chat().completions().withRawResponse().create(ChatCompletionCreateParams.builder().model("auto")
                .temperature(0.0).addUserMessage(question).build());
    }

    @Test
    void aClassifiedMissEmbedsOnceAndASemanticHitDoesNotReachTheRouter() {
        double before = modelRuns();
        List<String> questions = List.of("How do I merge two sorted arrays in Java?",
                "Write a limerick about a lighthouse keeper.", "What is the derivative of x squared times sine x?");
        for (String q : questions) {
            HttpResponseFor<ChatCompletion> response = ask(q);
            assertThat(header(response.headers(), "x-gearbox-cache")).isEqualTo("miss");
            assertThat(header(response.headers(), "x-gearbox-score")).as("the router classified it").isNotNull();
        }
        assertThat(modelRuns() - before).as("one model run per request, shared by cache and router")
                .isEqualTo(questions.size());

        HttpResponseFor<ChatCompletion> hit = ask("How can I merge two sorted arrays in Java?");
        assertThat(header(hit.headers(), "x-gearbox-cache")).isEqualTo("hit-semantic");
        assertThat(modelRuns() - before).isEqualTo(questions.size() + 1);
    }
}
