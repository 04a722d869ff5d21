package dev.gearbox.providers.anthropic;

import dev.gearbox.config.AnthropicSettings;
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
import dev.gearbox.providers.http.EndpointPaths;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.http.UpstreamRequest;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A deployment on Anthropic's Messages API: {@code POST {base_url}/v1/messages} (see
 * {@link #messagesEndpoint}) with the
 * deployment's key in {@code x-api-key} and its {@code anthropic-version}. Requests and answers
 * go through the pure translators, failures through {@link AnthropicErrorMapper}; the client
 * never learns it was not talking to OpenAI.
 */
public final class AnthropicProvider implements ChatProvider {
    private final DeploymentConfig deployment;
    private final AnthropicSettings settings;
    private final UpstreamHttpClient http;
    private final Clock clock;
    private final AnthropicErrorMapper errors;
    private final URI endpoint;
    private final Map<String, String> completeHeaders;
    private final Map<String, String> streamHeaders;

    public AnthropicProvider(DeploymentConfig deployment, UpstreamHttpClient http, Clock clock) {
        this.endpoint = messagesEndpoint(EndpointPaths.requireBaseUrl(deployment));
        this.deployment = deployment;
        this.settings = deployment.anthropic() == null ? AnthropicSettings.DEFAULT : deployment.anthropic();
        this.http = http;
        this.clock = clock;
        this.errors = new AnthropicErrorMapper(deployment, clock);
        this.completeHeaders = headers("application/json");
        this.streamHeaders = headers("text/event-stream");
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        ChatRequest once = request.withStream(false, false);
        byte[] body;
        boolean jsonMode;
        try {
            jsonMode = JsonModeTool.requested(once);
            body = AnthropicRequestTranslator.write(once, deployment.model(), settings);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return BufferedExchange.send(http, UpstreamRequest.post(endpoint, completeHeaders, body), deployment.timeouts(),
                response -> read(response, jsonMode));
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        ChatRequest streamed = request.withStream(true, request.includeUsage());
        byte[] body;
        boolean jsonMode;
        try {
            jsonMode = JsonModeTool.requested(streamed);
            body = AnthropicRequestTranslator.write(streamed, deployment.model(), settings);
        } catch (GatewayException e) {
            sink.onError(e);
            return () -> { };
        }
        var translator = new AnthropicStreamTranslator(request.includeUsage(), jsonMode,
                clock.instant().getEpochSecond(), errors::mapStreamError);
        var relay = new AnthropicStreamRelay(deployment, translator, errors, sink);
        relay.attach(http.send(UpstreamRequest.post(endpoint, streamHeaders, body), deployment.timeouts(), relay));
        return relay;
    }

    private ChatResponse read(BufferedResponse response, boolean jsonMode) {
        if (response.status() < 200 || response.status() >= 300) {
            throw errors.map(response.status(), response.headers(), response.body());
        }
        try {
            return AnthropicResponseTranslator.read(response.body(), jsonMode, clock.instant().getEpochSecond());
        } catch (GatewayException e) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name() + ": "
                    + e.getMessage());
        }
    }

    /** {@code {base_url}/v1/messages}; a base URL that already ends in {@code /v1} (as OpenAI's do) gets {@code /messages}. */
    static URI messagesEndpoint(URI baseUrl) {
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        return EndpointPaths.join(baseUrl, path.endsWith("/v1") ? "messages" : "v1/messages");
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("anthropic-version", settings.version());
        auth.put("x-api-key", deployment.apiKey() == null ? "" : deployment.apiKey());
        return UpstreamRequest.jsonHeaders(accept, deployment.headers(), auth);
    }

    @Override
    public String toString() {
        return "AnthropicProvider[" + deployment.name() + " -> " + endpoint + "]";
    }
}
