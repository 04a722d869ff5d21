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

    /**
     * The headers of a JSON call: {@code Accept}, Gearbox's {@code User-Agent}, the deployment's own
     * headers, {@code Content-Type: application/json}, then {@code auth} last, so a configured header
     * can add to a call but never replace its body type or its credentials.
     */
    public static Map<String, String> jsonHeaders(String accept, Map<String, String> deploymentHeaders,
                                                  Map<String, String> auth) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        headers.put("User-Agent", UserAgent.VALUE);
        headers.putAll(deploymentHeaders);
        headers.put("Content-Type", "application/json");
        headers.putAll(auth);
        return Collections.unmodifiableMap(headers);
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
