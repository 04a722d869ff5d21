package dev.gearbox.server.chat;

import dev.gearbox.core.cache.CacheBypass;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.server.http.Exchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the gateway's {@link RequestContext} from the HTTP request's headers and exchange. */
final class RequestContexts {
    static final String GEARBOX_HEADER_PREFIX = "x-gearbox-";
    static final int MAX_TENANT_LENGTH = 128;

    private RequestContexts() {
    }

    static RequestContext create(HttpHeaders headers, Exchange exchange) {
        return create(headers, exchange, null);
    }

    /** As {@link #create(HttpHeaders, Exchange)}, the tenant read from {@code tenantHeader} when it is set and sent. */
    static RequestContext create(HttpHeaders headers, Exchange exchange, String tenantHeader) {
        return new RequestContext(exchange.requestId(), exchange.startNanos(), tenant(headers, tenantHeader),
                gearboxHeaders(headers));
    }

    /** The tenant header's value (trimmed, at most 128 characters) when configured and sent, else from the API key. */
    static String tenant(HttpHeaders headers, String tenantHeader) {
        if (tenantHeader != null) {
            String value = headers.get(tenantHeader);
            if (value != null && !value.isBlank()) {
                String trimmed = value.trim();
                return trimmed.length() > MAX_TENANT_LENGTH ? trimmed.substring(0, MAX_TENANT_LENGTH) : trimmed;
            }
        }
        return TenantIds.fromAuthorization(headers.get(HttpHeaderNames.AUTHORIZATION));
    }

    /**
     * The request's {@code x-gearbox-*} headers, names lower-cased; the first value of a repeated one wins.
     * {@code cache-control: no-cache} or {@code no-store} reads as {@code x-gearbox-cache: bypass}.
     */
    static Map<String, String> gearboxHeaders(HttpHeaders headers) {
        Map<String, String> found = new HashMap<>();
        headers.forEach(entry -> {
            String name = entry.getKey();
            // Test the prefix before lower-casing: most headers are not ours and cost no copy.
            if (name.regionMatches(true, 0, GEARBOX_HEADER_PREFIX, 0, GEARBOX_HEADER_PREFIX.length())) {
                found.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.getValue());
            }
        });
        String cacheControl = headers.get(HttpHeaderNames.CACHE_CONTROL);
        if (cacheControl != null) {
            String directives = cacheControl.toLowerCase(Locale.ROOT);
            if (directives.contains("no-cache") || directives.contains("no-store")) {
                found.putIfAbsent(CacheBypass.HEADER, CacheBypass.VALUE);
            }
        }
        return found;
    }
}
