package dev.gearbox.providers.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.gearbox.providers.azure.AzureErrorMapperTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.AzureSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.testing.WireMockUpstreamTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Azure OpenAI client against WireMock: URL, api-version, api-key header, content filter both ways. */
class AzureOpenAiProviderTest extends WireMockUpstreamTest {
    private static final String KEY = "az-deployment-key-0123456789";
    private static final String PATH = "/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21";
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(3000));

    private final OpenAiCodec codec = new OpenAiCodec();

    private AzureOpenAiProvider provider(String apiKey, Map<String, String> headers) {
        return new AzureOpenAiProvider(new DeploymentConfig("azure-4o", ProviderKind.AZURE,
                URI.create(wireMock.baseUrl() + "/"), apiKey, "gpt-4o", null, FAST, headers, null)
                .withAzure(new AzureSettings("prod-4o", "2024-10-21")), http, codec, Clock.systemUTC());
    }

    private static ChatRequest request() {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, "Tell me a story")));
    }

    @Test
    void postsToTheDeploymentUrlWithTheApiKeyHeaderAndPassesAFilteredAnswerThrough() throws Exception {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(fixture("response-filtered.json"))));

        ChatResponse r = provider(KEY, Map.of()).complete(request()).get(5, TimeUnit.SECONDS);

        assertThat(r.choices().get(0).finishReason()).isEqualTo("content_filter");
        assertThat(r.firstText()).isEqualTo("Once upon");
        assertThat(r.extra()).containsKey("prompt_filter_results");
        assertThat(r.choices().get(0).extra().get("content_filter_results").at("/sexual/severity").asText())
                .isEqualTo("high");
        JsonNode toClient = codec.mapper().readTree(codec.writeResponse(r));
        assertThat(toClient.at("/choices/0/content_filter_results/sexual/filtered").asBoolean()).isTrue();
        assertThat(toClient.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("api-key", equalTo(KEY))
                .withHeader("Authorization", absent()));
    }

    @Test
    void withoutAKeyAConfiguredEntraIdHeaderAuthenticates() throws Exception {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withBody(fixture("response-filtered.json"))));

        provider(null, Map.of("Authorization", "Bearer entra-token")).complete(request()).get(5, TimeUnit.SECONDS);

        wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("api-key", absent())
                .withHeader("Authorization", equalTo("Bearer entra-token")));
    }

    @Test
    void aFilteredPromptFailsWithAContentFilterError() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-content-filter.json"))));

        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> provider(KEY, Map.of()).complete(request()).get(5, TimeUnit.SECONDS));

        GatewayException cause = (GatewayException) e.getCause();
        assertThat(cause.kind()).isEqualTo(ErrorKind.CONTENT_FILTERED);
        assertThat(cause.getMessage()).contains("violence (medium)").doesNotContain(KEY);
    }

    @Test
    void streamsAzureChunksWithTheirFilterResults() throws Exception {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(fixture("stream.sse"))));
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        CompletableFuture<GatewayException> ended = new CompletableFuture<>();

        provider(KEY, Map.of()).stream(request().withStream(true, false), new ChunkSink() {
            @Override
            public void onChunk(ChatChunk chunk) {
                chunks.add(chunk);
            }

            @Override
            public void onComplete() {
                ended.complete(null);
            }

            @Override
            public void onError(GatewayException error) {
                ended.complete(error);
            }
        });

        assertThat(ended.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(chunks).as("the filter-only opening chunk is folded into the first real one").hasSize(3);
        assertThat(chunks).extracting(ChatChunk::id).containsOnly("chatcmpl-AZs");
        assertThat(chunks.get(0).extra()).containsKey("prompt_filter_results");
        assertThat(chunks.get(1).choices().get(0).delta().content()).isEqualTo("Hello");
        assertThat(chunks.get(1).choices().get(0).extra()).containsKey("content_filter_results");
        assertThat(new String(codec.writeChunk(chunks.get(1)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"finish_reason\":null,\"content_filter_results\":{\"hate\"");
        assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("stop");
    }
}
