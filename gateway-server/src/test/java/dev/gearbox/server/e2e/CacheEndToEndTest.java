package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.mock;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gearbox.config.CacheConfig;
import dev.gearbox.config.ExactCacheConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both caches through the official SDK: exact hits plain and streamed (the SDK sees a valid stream),
 * a semantic hit with the real embedder, bypass headers, tenant isolation, no caching of errors or
 * cut streams, and the admin endpoint. Each test asks its own questions, so they do not share entries.
 */
class CacheEndToEndTest {
    private static final String ADMIN_KEY = "admin-e2e-secret";
    private static final String OTHER_KEY = "sk-other-tenant";

    private static MockUpstreamServer upstream;
    private static GearboxApp app;
    private static OpenAIClient client;
    private static OpenAIClient otherTenant;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        CacheConfig cache = new CacheConfig(new ExactCacheConfig(true, 8 << 20, Duration.ofHours(1), false),
                new SemanticCacheConfig(true, SemanticCacheConfig.DEFAULT_THRESHOLD, 1000, 8 << 20, Duration.ofHours(1),
                        0.3), null, ADMIN_KEY);
        GearboxConfig config = new GearboxConfig(EndToEnd.server(1 << 20),
                List.of(mock(upstream, "mock-echo", "echo"), mock(upstream, "mock-503", "error-503"),
                        mock(upstream, "mock-cut", "stream-cut-after-3")),
                Map.of(Tier.FAST, new TierConfig(List.of("mock-echo"))),
                new RoutingConfig(Tier.FAST, false)).withCache(cache);
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
        otherTenant = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + app.port() + "/v1").apiKey(OTHER_KEY)
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        upstream.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String question) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(question);
    }

    private static long upstreamCalls() {
        return upstream.requestCount("echo");
    }

    @Test
    void aRepeatedRequestIsAnExactHitWithTheStoredUsage() {
        long before = upstreamCalls();
        HttpResponseFor<ChatCompletion> first = client.chat().completions().withRawResponse()
                .create(ask("fast", "Name three primary colours.").build());
        HttpResponseFor<ChatCompletion> second = client.chat().completions().withRawResponse()
                .create(ask("fast", "Name three primary colours.").build());

        assertThat(header(first.headers(), "x-gearbox-cache")).isEqualTo("miss");
        assertThat(header(second.headers(), "x-gearbox-cache")).isEqualTo("hit-exact");
        assertThat(header(second.headers(), "x-gearbox-deployment")).isEqualTo("mock-echo");
        assertThat(header(second.headers(), "x-gearbox-attempts")).isEqualTo("0");
        ChatCompletion hit = second.parse();
        assertThat(hit.choices().get(0).message().content()).isEqualTo(first.parse().choices().get(0).message().content());
        assertThat(hit.usage()).isEqualTo(first.parse().usage());
        assertThat(upstreamCalls() - before).isEqualTo(1);
    }

    @Test
    void aStreamedAnswerIsReplayedAsAValidStream() {
        long before = upstreamCalls();
        ChatCompletionCreateParams params = ask("fast", "Spell the word cache backwards.")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> first = stream(params, "miss");
        List<ChatCompletionChunk> replayed = stream(params, "hit-exact");

        StreamShape.assertWellFormed(replayed);
        assertThat(StreamShape.text(replayed)).isEqualTo(StreamShape.text(first)).isNotEmpty();
        assertThat(replayed.get(replayed.size() - 1).usage()).isPresent();
        assertThat(replayed.stream().flatMap(c -> c.choices().stream()).filter(c -> c.finishReason().isPresent())
                .map(c -> c.finishReason().get().asString())).containsExactly("stop");
        assertThat(upstreamCalls() - before).isEqualTo(1);
    }

    @Test
    void aPlainAnswerServesALaterStream() {
        client.chat().completions().create(ask("fast", "What is a cache line?").build());

        List<ChatCompletionChunk> replayed = stream(ask("fast", "What is a cache line?")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build(), "hit-exact");

        StreamShape.assertWellFormed(replayed);
        assertThat(StreamShape.text(replayed)).isEqualTo("What is a cache line?");
    }

    @Test
    void aParaphraseAtTemperatureZeroIsASemanticHit() {
        long before = upstreamCalls();
        client.chat().completions().create(ask("fast", "What is the capital of France?").temperature(0.0).build());
        HttpResponseFor<ChatCompletion> hit = client.chat().completions().withRawResponse()
                .create(ask("fast", "Tell me the capital of France.").temperature(0.0).build());

        assertThat(header(hit.headers(), "x-gearbox-cache")).isEqualTo("hit-semantic");
        assertThat(Double.parseDouble(header(hit.headers(), "x-gearbox-cache-similarity")))
                .isBetween(SemanticCacheConfig.DEFAULT_THRESHOLD, 1.0);
        assertThat(hit.parse().choices().get(0).message().content()).contains("What is the capital of France?");
        assertThat(upstreamCalls() - before).isEqualTo(1);
    }

    @Test
    void aNumberChangeIsNeverASemanticHit() {
        client.chat().completions().create(ask("fast", "What is 15% of 240?").temperature(0.0).build());
        HttpResponseFor<ChatCompletion> other = client.chat().completions().withRawResponse()
                .create(ask("fast", "What is 20% of 240?").temperature(0.0).build());

        assertThat(header(other.headers(), "x-gearbox-cache")).isEqualTo("miss");
        assertThat(other.parse().choices().get(0).message().content()).contains("What is 20% of 240?");
    }

    @Test
    void clientsCanBypassTheCache() {
        client.chat().completions().create(ask("fast", "Define idempotence.").build());
        long before = upstreamCalls();

        HttpResponseFor<ChatCompletion> cached = client.chat().completions().withRawResponse()
                .create(ask("fast", "Define idempotence.").build());
        assertThat(header(cached.headers(), "x-gearbox-cache")).isEqualTo("hit-exact");

        HttpResponseFor<ChatCompletion> byHeader = client.withOptions(o -> o.putHeader("x-gearbox-cache", "bypass"))
                .chat().completions().withRawResponse().create(ask("fast", "Define idempotence.").build());
        HttpResponseFor<ChatCompletion> byCacheControl = client.withOptions(o -> o.putHeader("cache-control", "no-cache"))
                .chat().completions().withRawResponse().create(ask("fast", "Define idempotence.").build());

        assertThat(header(byHeader.headers(), "x-gearbox-cache")).isEqualTo("bypass");
        assertThat(header(byCacheControl.headers(), "x-gearbox-cache")).isEqualTo("bypass");
        assertThat(upstreamCalls() - before).isEqualTo(2);
    }

    @Test
    void tenantsNeverSeeEachOthersAnswers() {
        client.chat().completions().create(ask("fast", "Summarize my private notes.").build());

        HttpResponseFor<ChatCompletion> other = otherTenant.chat().completions().withRawResponse()
                .create(ask("fast", "Summarize my private notes.").build());

        assertThat(header(other.headers(), "x-gearbox-cache")).isEqualTo("miss");
    }

    @Test
    void errorsAndCutStreamsAreNotCached() {
        for (int i = 0; i < 2; i++) {
            EndToEnd.thrown(OpenAIException.class,
                    () -> client.chat().completions().create(ask("mock-503", "Will this fail?").build()));
            EndToEnd.thrown(OpenAIException.class, () -> {
                try (StreamResponse<ChatCompletionChunk> s = client.chat().completions()
                        .createStreaming(ask("mock-cut", "Will this stream be cut?").build())) {
                    s.stream().forEach(c -> { });
                }
            });
        }

        assertThat(upstream.requestCount("error-503")).isEqualTo(2);
        assertThat(upstream.requestCount("stream-cut-after-3")).isEqualTo(2);
    }

    @Test
    void theAdminEndpointEmptiesOneTenantOrEverything() throws Exception {
        client.chat().completions().create(ask("fast", "Is the admin endpoint working?").build());
        otherTenant.chat().completions().create(ask("fast", "Is the admin endpoint working?").build());

        assertThat(delete("", null).statusCode()).isEqualTo(401);
        assertThat(delete("", "wrong").body()).contains("\"type\":\"authentication_error\"");
        HttpResponse<String> tenantOnly = delete("?tenant=" + tenantOf(EndToEnd.CLIENT_KEY), ADMIN_KEY);
        assertThat(tenantOnly.statusCode()).isEqualTo(200);
        assertThat(tenantOnly.body()).contains("\"object\":\"cache.cleared\"");

        assertThat(header(client.chat().completions().withRawResponse()
                .create(ask("fast", "Is the admin endpoint working?").build()).headers(), "x-gearbox-cache")).isEqualTo("miss");
        assertThat(header(otherTenant.chat().completions().withRawResponse()
                .create(ask("fast", "Is the admin endpoint working?").build()).headers(), "x-gearbox-cache"))
                .isEqualTo("hit-exact");

        assertThat(delete("", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(header(otherTenant.chat().completions().withRawResponse()
                .create(ask("fast", "Is the admin endpoint working?").build()).headers(), "x-gearbox-cache"))
                .isEqualTo("miss");
    }

    private static List<ChatCompletionChunk> stream(ChatCompletionCreateParams params, String expectedCache) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(params);
        assertThat(header(raw.headers(), "x-gearbox-cache")).isEqualTo(expectedCache);
        try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
            stream.stream().forEach(chunks::add);
        }
        return chunks;
    }

    private static HttpResponse<String> delete(String query, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/admin/cache" + query))
                .DELETE().timeout(Duration.ofSeconds(5));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The tenant id Gearbox derives from an API key: key- and 12 hex digits of its SHA-256. */
    private static String tenantOf(String apiKey) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        return "key-" + HexFormat.of().formatHex(sha, 0, 6);
    }
}
