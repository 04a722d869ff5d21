package dev.gearbox.server.chat;

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

    private RequestContexts() {
    }

    static RequestContext create(HttpHeaders headers, Exchange exchange) {
        return new RequestContext(exchange.requestId(), exchange.startNanos(),
                TenantIds.fromAuthorization(headers.get(HttpHeaderNames.AUTHORIZATION)), gearboxHeaders(headers));
    }

    /** The request's {@code x-gearbox-*} headers, names lower-cased; the first value of a repeated one wins. */
    static Map<String, String> gearboxHeaders(HttpHeaders headers) {
        Map<String, String> found = new HashMap<>();
        headers.forEach(entry -> {
            String name = entry.getKey();
            // Test the prefix before lower-casing: most headers are not ours and cost no copy.
            if (name.regionMatches(true, 0, GEARBOX_HEADER_PREFIX, 0, GEARBOX_HEADER_PREFIX.length())) {
                found.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.getValue());
            }
        });
        return found;
    }
}
