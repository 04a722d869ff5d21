package dev.gearbox.providers.azure;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.openai.OpenAiCompatibleProvider;
import dev.gearbox.providers.openai.OpenAiErrorMapper;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A deployment on Azure OpenAI. The chat body is OpenAI's, so the OpenAI codec and client do the work;
 * what differs is the deployment-based URL with its {@code api-version} ({@link AzureEndpoints}), the
 * key in the {@code api-key} header instead of {@code Authorization}, and content-filter rejections
 * read by {@link AzureErrorMapper}. With no {@code api_key}, a configured header (e.g. an Entra ID
 * {@code Authorization: Bearer ...}) authenticates instead. Content filtering of an answer already
 * arrives as OpenAI's {@code finish_reason: content_filter} and is passed through, with the per-choice
 * {@code content_filter_results}; a stream's filter-only opening chunk is folded into the next one
 * ({@link PromptFilterChunkMerger}).
 */
public final class AzureOpenAiProvider implements ChatProvider {
    private final DeploymentConfig deployment;
    private final URI endpoint;
    private final OpenAiCompatibleProvider delegate;

    public AzureOpenAiProvider(DeploymentConfig deployment, UpstreamHttpClient http, OpenAiCodec codec, Clock clock) {
        this.deployment = deployment;
        this.endpoint = AzureEndpoints.chatCompletions(deployment);
        Map<String, String> auth = deployment.apiKey() == null || deployment.apiKey().isEmpty()
                ? Map.of() : Map.of("api-key", deployment.apiKey());
        AzureErrorMapper errors = new AzureErrorMapper(deployment, codec.mapper(),
                new OpenAiErrorMapper(deployment, codec, clock));
        this.delegate = new OpenAiCompatibleProvider(deployment, http, codec, endpoint, auth, errors);
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        return delegate.complete(request);
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        return delegate.stream(request, new PromptFilterChunkMerger(sink));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "AzureOpenAiProvider[" + deployment.name() + " -> " + endpoint + "]";
    }
}
