package dev.gearbox.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Complete responses for the small admin endpoints. */
final class AdminResponses {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminResponses() {
    }

    static FullHttpResponse json(HttpResponseStatus status, Object body) {
        try {
            return bytes(status, MAPPER.writeValueAsBytes(body), HttpHeaderValues.APPLICATION_JSON.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    static FullHttpResponse text(HttpResponseStatus status, String body, String contentType) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static FullHttpResponse bytes(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
