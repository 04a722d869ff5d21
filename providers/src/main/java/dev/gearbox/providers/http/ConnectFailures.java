package dev.gearbox.providers.http;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns a failure to open a connection into the error a client sees: unavailable, or a timeout. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static GatewayException map(Origin origin, Duration connectTimeout, Throwable cause) {
        if (cause instanceof GatewayException ge) {
            return ge;
        }
        String target = origin.authority();
        if (cause instanceof ConnectTimeoutException) {
            return timeout("connect timeout after " + connectTimeout.toMillis() + " ms to " + target, cause);
        }
        if (cause instanceof SslHandshakeTimeoutException) {
            return timeout("TLS handshake timeout after " + connectTimeout.toMillis() + " ms with " + target, cause);
        }
        if (cause instanceof SSLException) {
            return unavailable("TLS handshake with " + target + " failed: " + firstClause(cause), cause);
        }
        if (cause instanceof UnknownHostException) {
            return unavailable("connect to " + target + " failed: unknown host", cause);
        }
        if (cause instanceof ConnectException) {
            return unavailable("connect to " + target + " failed: " + firstClause(cause), cause);
        }
        return unavailable("connect to " + target + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + firstClause(cause)), cause);
    }

    /**
     * The reason without the address Netty appends ("Connection refused: /127.0.0.1:80"), which
     * would repeat the target and could expose a resolved internal address.
     */
    private static String firstClause(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(0, colon) : message;
    }

    private static GatewayException timeout(String message, Throwable cause) {
        return new GatewayException(ErrorKind.UPSTREAM_TIMEOUT, message, null,
                ErrorKind.UPSTREAM_TIMEOUT.defaultCode(), 0, null, cause);
    }

    private static GatewayException unavailable(String message, Throwable cause) {
        return new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, message, null,
                ErrorKind.UPSTREAM_UNAVAILABLE.defaultCode(), 0, null, cause);
    }
}
