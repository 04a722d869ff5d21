package dev.gearbox.core.error;

import java.time.Duration;

/**
 * A failure that leaves Gearbox as an OpenAI error body. Carries its {@link ErrorKind}, the
 * message a client may read (never a secret, never a stack trace), the offending request field
 * in {@code param}, and for upstream failures the status and any {@code Retry-After} hint.
 */
public final class GatewayException extends RuntimeException {
    private final ErrorKind kind;
    private final String param;
    private final String code;
    private final int upstreamStatus;
    private final Duration retryAfter;

    public GatewayException(ErrorKind kind, String message) {
        this(kind, message, null, kind.defaultCode(), 0, null, null);
    }

    public GatewayException(ErrorKind kind, String message, String param, String code, int upstreamStatus,
                            Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.param = param;
        this.code = code;
        this.upstreamStatus = upstreamStatus;
        this.retryAfter = retryAfter;
    }

    public static GatewayException invalid(String message, String param) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, message, param, null, 0, null, null);
    }

    public static GatewayException upstream(ErrorKind kind, int status, String message, Duration retryAfter) {
        return new GatewayException(kind, message, null, kind.defaultCode(), status, retryAfter, null);
    }

    /** Wraps any throwable: a GatewayException is returned as is, anything else becomes INTERNAL. */
    public static GatewayException from(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof GatewayException ge) {
            return ge;
        }
        return new GatewayException(ErrorKind.INTERNAL, "internal error: " + c.getClass().getSimpleName(),
                null, ErrorKind.INTERNAL.defaultCode(), 0, null, c);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** The upstream HTTP status, or 0 when the failure did not come from an upstream response. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    /** The upstream's Retry-After hint, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status a client sees: the kind's status. */
    public int httpStatus() {
        return kind.httpStatus();
    }
}
