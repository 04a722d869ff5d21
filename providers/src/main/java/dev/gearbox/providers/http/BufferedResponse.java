package dev.gearbox.providers.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A whole upstream response, read into memory (bounded) because it has to be parsed as one document. */
public record BufferedResponse(int status, HttpHeaders headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BufferedResponse[status=" + status + ", " + body.length + " bytes]";
    }
}
