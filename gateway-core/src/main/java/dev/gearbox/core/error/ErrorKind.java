package dev.gearbox.core.error;

/**
 * The one error taxonomy. Each kind fixes the HTTP status a client sees, the OpenAI error
 * {@code type}, the default {@code code}, whether another deployment may succeed where this
 * one failed, and the bounded tag used in metrics.
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error", null, false, "invalid_request"),
    CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", "context_length_exceeded", false, "context_length"),
    CONTENT_FILTERED(400, "invalid_request_error", "content_filter", false, "content_filter"),
    AUTHENTICATION(401, "authentication_error", "invalid_api_key", false, "authentication"),
    PERMISSION_DENIED(403, "permission_error", null, false, "permission"),
    MODEL_NOT_FOUND(404, "invalid_request_error", "model_not_found", false, "model_not_found"),
    NOT_FOUND(404, "invalid_request_error", "not_found", false, "not_found"),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed", false, "method_not_allowed"),
    REQUEST_TIMEOUT(408, "timeout_error", "request_timeout", true, "request_timeout"),
    PAYLOAD_TOO_LARGE(413, "invalid_request_error", "payload_too_large", false, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "unsupported_media_type", false, "unsupported_media_type"),
    UNPROCESSABLE(422, "invalid_request_error", null, false, "unprocessable"),
    RATE_LIMITED(429, "rate_limit_error", "rate_limit_exceeded", true, "rate_limited"),
    INTERNAL(500, "server_error", "internal_error", false, "internal"),
    /** The upstream answered 5xx, or with a body that is not a valid response. */
    UPSTREAM_ERROR(502, "api_error", "upstream_error", true, "upstream_error"),
    /**
     * The upstream rejected the deployment's own API key (its 401/403). The client's key was fine,
     * so this is a gateway-side fault (502) and another deployment may succeed.
     */
    UPSTREAM_AUTH(502, "api_error", "upstream_auth_failed", true, "upstream_auth"),
    /** The upstream could not be reached (connect refused, DNS, TLS) or is overloaded. */
    UPSTREAM_UNAVAILABLE(503, "api_error", "upstream_unavailable", true, "upstream_unavailable"),
    /** The upstream did not answer in time (connect, first byte or total timeout). */
    UPSTREAM_TIMEOUT(504, "timeout_error", "upstream_timeout", true, "upstream_timeout"),
    /** Gateway-side capacity: no deployment is in rotation right now. */
    NO_CAPACITY(503, "api_error", "no_deployment_available", true, "no_capacity");

    private final int httpStatus;
    private final String openAiType;
    private final String defaultCode;
    private final boolean retryable;
    private final String metricTag;

    ErrorKind(int httpStatus, String openAiType, String defaultCode, boolean retryable, String metricTag) {
        this.httpStatus = httpStatus;
        this.openAiType = openAiType;
        this.defaultCode = defaultCode;
        this.retryable = retryable;
        this.metricTag = metricTag;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String openAiType() {
        return openAiType;
    }

    public String defaultCode() {
        return defaultCode;
    }

    /** True when another deployment (or a later retry) may succeed: fallback moves on. */
    public boolean retryable() {
        return retryable;
    }

    public String metricTag() {
        return metricTag;
    }

    /** The kind for an upstream HTTP status that has no more specific mapping. */
    public static ErrorKind forUpstreamStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401, 403 -> UPSTREAM_AUTH;
            case 404 -> MODEL_NOT_FOUND;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> UPSTREAM_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> status >= 500 ? UPSTREAM_ERROR : INVALID_REQUEST;
        };
    }
}
