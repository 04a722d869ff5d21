package dev.gearbox.providers.openai;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;

/** Failures caused by what an upstream sent: always UPSTREAM_ERROR, never a raw parser exception. */
final class UpstreamErrors {
    private UpstreamErrors() {
    }

    static GatewayException invalid(String detail) {
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0,
                "upstream returned an invalid response: " + detail, null);
    }

    /** A 200 body (or stream chunk) that carries an OpenAI error object instead of a result. */
    static GatewayException reported(String message) {
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0, "upstream reported an error: " + message, null);
    }
}
