package dev.gearbox.core.testing;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.time.Duration;

/** Upstream failures as a provider's error mapper would produce them. */
public final class Errors {
    private Errors() {
    }

    public static GatewayException unavailable() {
        return GatewayException.upstream(ErrorKind.UPSTREAM_UNAVAILABLE, 503, "upstream unavailable", null);
    }

    public static GatewayException serverError() {
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 500, "internal server error", null);
    }

    public static GatewayException timeout() {
        return GatewayException.upstream(ErrorKind.UPSTREAM_TIMEOUT, 0, "first-byte timeout after 2000 ms", null);
    }

    public static GatewayException connectRefused() {
        return GatewayException.upstream(ErrorKind.UPSTREAM_UNAVAILABLE, 0, "connect refused", null);
    }

    public static GatewayException rateLimited(Duration retryAfter) {
        return GatewayException.upstream(ErrorKind.RATE_LIMITED, 429, "rate limit exceeded", retryAfter);
    }

    public static GatewayException badRequest() {
        return new GatewayException(ErrorKind.INVALID_REQUEST, "temperature must be <= 2", "temperature", null, 400,
                null, null);
    }
}
