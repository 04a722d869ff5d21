package dev.gearbox.core.gateway;

import java.util.Map;

/**
 * What the server knows about a request besides its body: a request id, when it arrived
 * ({@link System#nanoTime()}), the tenant (an API key id or tenant header; never the key itself),
 * and the request's {@code x-gearbox-*} headers, lower-cased, for overrides.
 */
public record RequestContext(String requestId, long startNanos, String tenant, Map<String, String> gearboxHeaders) {
    public RequestContext {
        gearboxHeaders = gearboxHeaders == null ? Map.of() : Map.copyOf(gearboxHeaders);
    }
}
