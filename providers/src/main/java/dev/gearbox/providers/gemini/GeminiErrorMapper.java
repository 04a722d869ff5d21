package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A Gemini error ({@code {"error":{"code","message","status","details"}}}, Google's RPC status shape)
 * as a GatewayException in the shared taxonomy, so fallback treats it like OpenAI's:
 * <ul>
 *   <li>429 / RESOURCE_EXHAUSTED: rate limited, retry hint from {@code google.rpc.RetryInfo.retryDelay}
 *       (else the Retry-After header);</li>
 *   <li>401, 403, UNAUTHENTICATED, PERMISSION_DENIED and a 400 whose ErrorInfo says API_KEY_INVALID:
 *       the deployment's key was refused (not the client's);</li>
 *   <li>400 INVALID_ARGUMENT about the input token count: context too long; other 400s: the request's fault;</li>
 *   <li>400 FAILED_PRECONDITION (region, billing): a deployment-side fault another deployment may not have;</li>
 *   <li>404: model not found; 500: upstream error; 503 UNAVAILABLE: overloaded; 504: upstream timeout.</li>
 * </ul>
 * The upstream's message is quoted with whitespace collapsed, length bounded and key-like text masked.
 */
public final class GeminiErrorMapper {
    private static final int MAX_MESSAGE = 1000;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Pattern CONTEXT_TOO_LONG = Pattern.compile(
            "(?i)(input token count.*exceeds|exceeds the maximum number of tokens|prompt is too long|context.*too long)");
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)s");

    private final DeploymentConfig deployment;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GeminiErrorMapper(DeploymentConfig deployment, ObjectMapper mapper, Clock clock) {
        this.deployment = deployment;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An error answer (status outside 2xx) read whole. */
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        JsonNode error = errorObject(body);
        String rpcStatus = error == null ? "" : error.path("status").asText("");
        String detail = error != null && error.hasNonNull("message") ? error.get("message").asText()
                : rawPrefix(body);
        ErrorKind kind = kindFor(status, rpcStatus, error, detail);
        String label = rpcStatus.isEmpty() ? "" : " " + rpcStatus;
        String message = switch (kind) {
            case UPSTREAM_AUTH -> "upstream " + deployment.name() + " rejected the deployment's upstream API key"
                    + " (HTTP " + status + label + "), not the client's: " + clean(detail);
            case MODEL_NOT_FOUND -> "upstream " + deployment.name() + " returned HTTP 404 for model '"
                    + deployment.model() + "': " + clean(detail);
            default -> "upstream " + deployment.name() + " returned HTTP " + status + label + ": " + clean(detail);
        };
        Duration retryAfter = kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.UPSTREAM_UNAVAILABLE
                ? retryDelay(error, headers) : null;
        return new GatewayException(kind, message, null, kind.defaultCode(), status, retryAfter, null);
    }

    /** An {@code error} object sent inside a running stream: the upstream failed after it started. */
    public GatewayException mapStreamError(JsonNode event) {
        JsonNode error = event.path("error");
        String detail = error.hasNonNull("message") ? error.get("message").asText() : error.toString();
        String label = error.hasNonNull("status") ? " (" + error.get("status").asText() + ")" : "";
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                + " sent an error in the stream" + label + ": " + clean(detail));
    }

    /** A 2xx answer to a stream request that is not an event stream. */
    public GatewayException mapNonStreamAnswer(int status, HttpHeaders headers, byte[] body) {
        if (status < 200 || status >= 300) {
            return map(status, headers, body);
        }
        String contentType = headers == null ? null : headers.get("Content-Type");
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, status, "upstream " + deployment.name()
                + " answered a stream request with HTTP " + status + " "
                + (contentType == null ? "(no content type)" : contentType) + " instead of text/event-stream: "
                + rawPrefix(body), null);
    }

    private static ErrorKind kindFor(int status, String rpcStatus, JsonNode error, String detail) {
        if (status == 429 || rpcStatus.equals("RESOURCE_EXHAUSTED")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403 || rpcStatus.equals("UNAUTHENTICATED")
                || rpcStatus.equals("PERMISSION_DENIED") || hasReason(error, "API_KEY_INVALID")) {
            return ErrorKind.UPSTREAM_AUTH;
        }
        if (status == 400 && rpcStatus.equals("FAILED_PRECONDITION")) {
            return ErrorKind.UPSTREAM_ERROR;
        }
        if (status == 400 && detail != null && CONTEXT_TOO_LONG.matcher(detail).find()) {
            return ErrorKind.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status >= 200 && status < 300) {
            return ErrorKind.UPSTREAM_ERROR;
        }
        return ErrorKind.forUpstreamStatus(status);
    }

    private static boolean hasReason(JsonNode error, String reason) {
        if (error == null) {
            return false;
        }
        for (JsonNode d : error.path("details")) {
            if (reason.equals(d.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code google.rpc.RetryInfo.retryDelay} (e.g. {@code "13s"}, {@code "0.5s"}), else the Retry-After header. */
    private Duration retryDelay(JsonNode error, HttpHeaders headers) {
        if (error != null) {
            for (JsonNode d : error.path("details")) {
                if (d.path("@type").asText().endsWith("google.rpc.RetryInfo")) {
                    var m = SECONDS.matcher(d.path("retryDelay").asText());
                    if (m.matches()) {
                        return Duration.ofNanos((long) (Double.parseDouble(m.group(1)) * 1_000_000_000L));
                    }
                }
            }
        }
        return headers == null ? null : RetryAfter.parse(headers, clock);
    }

    /** The {@code error} object of the body (Google sometimes wraps it in a one-element array), or null. */
    private JsonNode errorObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree != null && tree.isArray() && !tree.isEmpty()) {
                tree = tree.get(0);
            }
            JsonNode error = tree == null ? null : tree.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private String rawPrefix(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = clean(new String(body, 0, Math.min(body.length, 800), StandardCharsets.UTF_8));
        return text.length() > 200 ? text.substring(0, 200) + "..." : text.isEmpty() ? "(blank body)" : text;
    }

    /** Collapses whitespace, masks the deployment's key and anything key-like, bounds the length. */
    private String clean(String text) {
        String s = SecretRedactor.redact(WHITESPACE.matcher(text).replaceAll(" ").trim(), deployment.apiKey());
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
