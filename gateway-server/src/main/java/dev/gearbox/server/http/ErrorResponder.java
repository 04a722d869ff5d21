package dev.gearbox.server.http;

import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;

/** Turns a {@link GatewayException} into a complete OpenAI-shaped HTTP error response. */
public final class ErrorResponder {
    private final ErrorEncoder encoder;

    public ErrorResponder(ErrorEncoder encoder) {
        this.encoder = encoder;
    }

    /** The response with the error kind's own status. */
    public FullHttpResponse toResponse(GatewayException error) {
        return toResponse(HttpResponseStatus.valueOf(error.httpStatus()), error);
    }

    /** The response with an explicit status, for HTTP-level failures the taxonomy has no kind for (417). */
    public FullHttpResponse toResponse(HttpResponseStatus status, GatewayException error) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(encoder.encode(error)));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        Duration retryAfter = error.retryAfter();
        if (retriesLater(status) && retryAfter != null && !retryAfter.isNegative()) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        return response;
    }

    /**
     * Retry-After belongs on 429 and 503 (RFC 6585, RFC 9110). The gateway reports "every deployment
     * rate limited" as a 503 with the shortest hint, so both carry it; OpenAI SDKs honour it on either.
     */
    private static boolean retriesLater(HttpResponseStatus status) {
        return status.code() == HttpResponseStatus.TOO_MANY_REQUESTS.code()
                || status.code() == HttpResponseStatus.SERVICE_UNAVAILABLE.code();
    }

    /** Retry-After takes whole seconds; round up so a client never retries too early. */
    static String retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }
}
