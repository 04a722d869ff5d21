package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployment on Google's Gemini API: {@code POST {base_url}/v1beta/models/{model}:generateContent}
 * for complete answers and {@code :streamGenerateContent?alt=sse} for streams, the deployment's key in
 * the {@code x-goog-api-key} header (never in the URL, where it would reach access logs). Requests and
 * answers go through the pure translators; failures through {@link GeminiErrorMapper}.
 */
public final class GeminiProvider implements ChatProvider {
    private final DeploymentConfig deployment;
    private final UpstreamHttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final GeminiRequestTranslator requests;
    private final GeminiResponseTranslator responses = new GeminiResponseTranslator();
    private final GeminiErrorMapper errors;
    private final URI generateEndpoint;
    private final URI streamEndpoint;
    private final Map<String, String> completeHeaders;
    private final Map<String, String> streamHeaders;
    private final AtomicLong answers = new AtomicLong();

    public GeminiProvider(DeploymentConfig deployment, UpstreamHttpClient http, ObjectMapper mapper, Clock clock) {
        URI baseUrl = EndpointPaths.requireBaseUrl(deployment);
        this.deployment = deployment;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
        this.requests = new GeminiRequestTranslator(mapper);
        this.errors = new GeminiErrorMapper(deployment, mapper, clock);
        String model = "v1beta/models/" + deployment.model();
        this.generateEndpoint = EndpointPaths.join(baseUrl, model + ":generateContent");
        this.streamEndpoint = EndpointPaths.join(baseUrl, model + ":streamGenerateContent?alt=sse");
        this.completeHeaders = headers(deployment, "application/json");
        this.streamHeaders = headers(deployment, "text/event-stream");
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        byte[] body;
        try {
            body = body(request);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return BufferedExchange.send(http, UpstreamRequest.post(generateEndpoint, completeHeaders, body),
                deployment.timeouts(), this::read);
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        byte[] body;
        try {
            body = body(request);
        } catch (GatewayException e) {
            sink.onError(e);
            return () -> { };
        }
        GeminiStreamTranslator translator = new GeminiStreamTranslator(nextId(), deployment.model(), now());
        GeminiStreamRelay relay = new GeminiStreamRelay(deployment, mapper, translator, errors, sink,
                request.includeUsage());
        relay.attach(http.send(UpstreamRequest.post(streamEndpoint, streamHeaders, body), deployment.timeouts(), relay));
        return relay;
    }

    private byte[] body(ChatRequest request) {
        try {
            return mapper.writeValueAsBytes(requests.translate(request));
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.INTERNAL, "cannot write the Gemini request");
        }
    }

    private ChatResponse read(BufferedResponse response) {
        if (response.status() < 200 || response.status() >= 300) {
            throw errors.map(response.status(), response.headers(), response.body());
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(response.body());
        } catch (IOException e) {
            throw GeminiResponseTranslator.invalid("body is not valid JSON");
        }
        if (tree != null && tree.hasNonNull("error")) {
            throw errors.map(response.status(), response.headers(), response.body());
        }
        return responses.translate(tree, nextId(), deployment.model(), now());
    }

    /** The id of an answer whose response carried no {@code responseId}. */
    private String nextId() {
        return "chatcmpl-gemini-" + deployment.name() + "-" + answers.incrementAndGet();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Map<String, String> headers(DeploymentConfig deployment, String accept) {
        String key = deployment.apiKey();
        Map<String, String> auth = key == null || key.isEmpty() ? Map.of() : Map.of("x-goog-api-key", key);
        return UpstreamRequest.jsonHeaders(accept, deployment.headers(), auth);
    }

    @Override
    public String toString() {
        return "GeminiProvider[" + deployment.name() + " -> " + generateEndpoint + "]";
    }
}
