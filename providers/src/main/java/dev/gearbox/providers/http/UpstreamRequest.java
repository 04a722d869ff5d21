package dev.gearbox.providers.http;

import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to an upstream. The body is sent as is with a {@code Content-Length};
 * {@code Host}, {@code Content-Length} and {@code Accept-Encoding} are set by the client.
 */
public record UpstreamRequest(HttpMethod method, URI uri, Map<String, String> headers, byte[] body) {

    public UpstreamRequest {
        Origin.of(uri);
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    public static UpstreamRequest post(URI uri, Map<String, String> headers, byte[] body) {
        return new UpstreamRequest(HttpMethod.POST, uri, headers, body);
    }

    /** Path and query as sent on the request line; {@code /} when the URI has no path. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public String toString() {
        // Headers carry credentials and the body carries prompts: neither belongs in a log line.
        return "UpstreamRequest[" + method + " " + uri + ", " + body.length + " bytes]";
    }
}
