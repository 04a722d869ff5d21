package dev.gearbox.providers.openai;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.http.BufferedExchange;
import dev.gearbox.providers.http.BufferedResponse;
import dev.gearbox.providers.http.EndpointPaths;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.http.UpstreamRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A deployment behind any OpenAI-compatible chat completions API (OpenAI, Groq, vLLM, Ollama,
 * Together, ...). Sends the deployment's model with the deployment's key, never the client's;
 * reads answers through the codec and failures through the error mapper.
 */
public final class OpenAiCompatibleProvider implements ChatProvider {
    private final DeploymentConfig deployment;
    private final UpstreamHttpClient http;
    private final OpenAiCodec codec;
    private final ErrorMapping errors;
    private final URI endpoint;
    /** Request headers, fixed per deployment: built once rather than per request. */
    private final Map<String, String> completeHeaders;
    private final Map<String, String> streamHeaders;

    public OpenAiCompatibleProvider(DeploymentConfig deployment, UpstreamHttpClient http, OpenAiCodec codec,
                                    Clock clock) {
        this(deployment, http, codec, EndpointPaths.join(EndpointPaths.requireBaseUrl(deployment), "chat/completions"),
                bearer(deployment.apiKey()), new OpenAiErrorMapper(deployment, codec, clock));
    }

    /**
     * An API that speaks OpenAI's chat body at its own {@code endpoint}, authenticated by its own
     * {@code authHeaders} (sent after the deployment's headers), its errors read by {@code errors}:
     * Azure OpenAI is one.
     */
    public OpenAiCompatibleProvider(DeploymentConfig deployment, UpstreamHttpClient http, OpenAiCodec codec,
                                    URI endpoint, Map<String, String> authHeaders, ErrorMapping errors) {
        this.deployment = deployment;
        this.http = http;
        this.codec = codec;
        this.errors = errors;
        this.endpoint = endpoint;
        this.completeHeaders = UpstreamRequest.jsonHeaders("application/json", deployment.headers(), authHeaders);
        this.streamHeaders = UpstreamRequest.jsonHeaders("text/event-stream", deployment.headers(), authHeaders);
    }

    private static Map<String, String> bearer(String apiKey) {
        return apiKey == null || apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        byte[] body;
        try {
            body = codec.writeRequest(request.withStream(false, false), deployment.model());
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return BufferedExchange.send(http, UpstreamRequest.post(endpoint, completeHeaders, body), deployment.timeouts(),
                this::read);
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        byte[] body;
        try {
            body = codec.writeRequest(request.withStream(true, request.includeUsage()), deployment.model());
        } catch (GatewayException e) {
            sink.onError(e);
            return () -> { };
        }
        SseChunkRelay relay = new SseChunkRelay(deployment, codec, errors, sink);
        relay.attach(http.send(UpstreamRequest.post(endpoint, streamHeaders, body), deployment.timeouts(), relay));
        return relay;
    }

    private ChatResponse read(BufferedResponse response) {
        if (response.status() < 200 || response.status() >= 300) {
            throw errors.map(response.status(), response.headers(), response.body());
        }
        try {
            return codec.readResponse(response.body());
        } catch (GatewayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                    + " returned an unreadable response");
        }
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleProvider[" + deployment.name() + " -> " + endpoint + "]";
    }
}
