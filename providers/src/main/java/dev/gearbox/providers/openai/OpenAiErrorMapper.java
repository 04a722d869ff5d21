package dev.gearbox.providers.openai;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.providers.http.RetryAfter;
import dev.gearbox.providers.http.SecretRedactor;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns an OpenAI-compatible upstream's error (status, headers, body) into a GatewayException:
 * the kind from the status, refined where the body says more; the upstream's own message
 * (redacted of anything key-like); its status; its back-off hint. Credentials failures say it
 * was the deployment's key, so a client never believes its own key was refused.
 */
public final class OpenAiErrorMapper implements ErrorMapping {
    private final DeploymentConfig deployment;
    private final OpenAiCodec codec;
    private final Clock clock;

    public OpenAiErrorMapper(DeploymentConfig deployment, OpenAiCodec codec, Clock clock) {
        this.deployment = deployment;
        this.codec = codec;
        this.clock = clock;
    }

    /** An error response ({@code status} outside 2xx) or a 2xx whose body is an error document. */
    @Override
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        UpstreamErrorBody error = codec.readUpstreamError(body);
        ErrorKind kind = kindFor(status, error);
        String detail = redact(error.message());
        String message = switch (kind) {
            case UPSTREAM_AUTH -> "upstream " + deployment.name() + " rejected the deployment's "
                    + "upstream API key (HTTP " + status + "), not the client's: " + detail;
            case MODEL_NOT_FOUND -> "upstream " + deployment.name() + " returned HTTP 404 for model '"
                    + deployment.model() + "': " + detail;
            default -> "upstream " + deployment.name() + " returned HTTP " + status + ": " + detail;
        };
        boolean clientFacing = kind == ErrorKind.INVALID_REQUEST || kind == ErrorKind.CONTEXT_LENGTH_EXCEEDED
                || kind == ErrorKind.UNPROCESSABLE;
        String code = clientFacing && error.code() != null ? error.code() : kind.defaultCode();
        String param = clientFacing ? error.param() : null;
        Duration retryAfter = headers == null ? null : RetryAfter.parse(headers, clock);
        return new GatewayException(kind, message, param, code, status, retryAfter, null);
    }

    /**
     * The answer to a stream request that is not an event stream: an error status maps as usual;
     * a 2xx (JSON where SSE was asked for) is an upstream error quoting what it said.
     */
    @Override
    public GatewayException mapNonStreamAnswer(int status, HttpHeaders headers, byte[] body) {
        if (status < 200 || status >= 300) {
            return map(status, headers, body);
        }
        UpstreamErrorBody said = codec.readUpstreamError(body);
        String contentType = headers == null ? null : headers.get("Content-Type");
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, status, "upstream " + deployment.name()
                + " answered a stream request with HTTP " + status + " "
                + (contentType == null ? "(no content type)" : contentType) + " instead of text/event-stream: "
                + redact(said.message()), null);
    }

    /** An {@code error} event inside an SSE stream (the upstream failed after it started answering). */
    @Override
    public GatewayException mapStreamError(String eventData) {
        String detail = redact(codec.readUpstreamError(eventData.getBytes(StandardCharsets.UTF_8)).message());
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                + " sent an error in the stream: " + detail);
    }

    private static ErrorKind kindFor(int status, UpstreamErrorBody error) {
        if (status == 400 && "context_length_exceeded".equals(error.code())) {
            return ErrorKind.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status >= 200 && status < 300) {
            return ErrorKind.UPSTREAM_ERROR;
        }
        return ErrorKind.forUpstreamStatus(status);
    }

    /** The deployment's key and anything key-shaped (e.g. "Incorrect API key provided: sk-proj-****abcd") masked. */
    private String redact(String text) {
        return SecretRedactor.redact(text, deployment.apiKey());
    }
}
