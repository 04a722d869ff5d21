package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.providers.http.RetryAfter;
import dev.gearbox.providers.http.SecretRedactor;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Anthropic failures in the one taxonomy, so fallback treats them like OpenAI's: the kind from the
 * status (529 overloaded is UPSTREAM_UNAVAILABLE), a 400 whose message says the prompt is too long
 * becomes CONTEXT_LENGTH_EXCEEDED; in-stream {@code error} events map by their error type. The
 * back-off hint is {@code retry-after}, else Anthropic's rate-limit reset headers. Messages carry
 * Anthropic's text with anything key-like masked, and say when it was the deployment's key.
 */
public final class AnthropicErrorMapper {
    /** Anthropic's 'overloaded_error' status. */
    static final int OVERLOADED = 529;
    private static final Pattern CONTEXT_TOO_LONG = Pattern.compile(
            "(?i)prompt is too long|exceeds? (the )?context|context (window|limit|length)");

    private final DeploymentConfig deployment;
    private final Clock clock;

    public AnthropicErrorMapper(DeploymentConfig deployment, Clock clock) {
        this.deployment = deployment;
        this.clock = clock;
    }

    /** An answer with an error status. */
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        Said said = read(body);
        ErrorKind kind = status == OVERLOADED ? ErrorKind.UPSTREAM_UNAVAILABLE : ErrorKind.forUpstreamStatus(status);
        if (kind == ErrorKind.INVALID_REQUEST && CONTEXT_TOO_LONG.matcher(said.message()).find()) {
            kind = ErrorKind.CONTEXT_LENGTH_EXCEEDED;
        }
        String message = switch (kind) {
            case UPSTREAM_AUTH -> "upstream " + deployment.name() + " rejected the deployment's upstream API key "
                    + "(HTTP " + status + "), not the client's: " + said.message();
            case MODEL_NOT_FOUND -> "upstream " + deployment.name() + " returned HTTP 404 for model '"
                    + deployment.model() + "': " + said.message();
            default -> "upstream " + deployment.name() + " returned HTTP " + status + ": " + said.message();
        };
        return new GatewayException(kind, message, null, kind.defaultCode(), status, retryHint(headers), null);
    }

    /** A 2xx answer to a stream request that is not an event stream, or an error status. */
    public GatewayException mapNonStreamAnswer(int status, HttpHeaders headers, byte[] body) {
        if (status < 200 || status >= 300) {
            return map(status, headers, body);
        }
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, status, "upstream " + deployment.name()
                + " answered a stream request with HTTP " + status + " instead of an event stream: "
                + read(body).message(), null);
    }

    /** An {@code error} event inside a started stream, kind by Anthropic's error type. */
    public GatewayException mapStreamError(String data) {
        Said said = read(data.getBytes(StandardCharsets.UTF_8));
        ErrorKind kind = switch (said.type()) {
            case "overloaded_error" -> ErrorKind.UPSTREAM_UNAVAILABLE;
            case "rate_limit_error" -> ErrorKind.RATE_LIMITED;
            case "timeout_error" -> ErrorKind.UPSTREAM_TIMEOUT;
            default -> ErrorKind.UPSTREAM_ERROR;
        };
        return GatewayException.upstream(kind, 0, "upstream " + deployment.name() + " sent an error in the stream ("
                + said.type() + "): " + said.message(), null);
    }

    private Duration retryHint(HttpHeaders headers) {
        if (headers == null) {
            return null;
        }
        Duration retryAfter = RetryAfter.parse(headers, clock);
        return retryAfter != null ? retryAfter : AnthropicRateLimitReset.wait(headers, clock);
    }

    /** Anthropic's {@code {"type":"error","error":{"type","message"}}}, or a prefix of whatever came. */
    private Said read(byte[] body) {
        String type = "";
        String message = null;
        try {
            JsonNode node = AnthropicJson.MAPPER.readTree(body);
            JsonNode error = node == null ? null : node.get("error");
            if (error != null && error.isObject()) {
                type = error.path("type").asText("");
                message = error.path("message").asText(null);
            }
        } catch (IOException notJson) {
            // quoted raw below
        }
        if (message == null) {
            String raw = new String(body, StandardCharsets.UTF_8).strip();
            message = raw.isEmpty() ? "(empty body)" : raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
        }
        return new Said(type, SecretRedactor.redact(message, deployment.apiKey()));
    }

    private record Said(String type, String message) {
    }
}
