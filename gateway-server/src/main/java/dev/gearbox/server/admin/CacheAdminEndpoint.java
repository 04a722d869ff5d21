package dev.gearbox.server.admin;

import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DELETE /admin/cache}: empties both caches, or with {@code ?tenant=<id>} one tenant's entries
 * (the id is the {@code cache.tenant_header} value, or {@code key-} and the first 12 hex digits of the
 * SHA-256 of the client's API key). Needs {@code Authorization: Bearer <cache.admin_key>}; without a
 * configured key the endpoint does not exist (404). Answers {@code {"object":"cache.cleared",...}}
 * with the entries removed per cache.
 */
public final class CacheAdminEndpoint implements Endpoint {
    static final String TENANT = "tenant";
    private static final String BEARER = "bearer ";

    private final Optional<byte[]> adminKey;
    private final ResponseCaches caches;

    public CacheAdminEndpoint(Optional<String> adminKey, ResponseCaches caches) {
        this.adminKey = adminKey.map(k -> k.getBytes(StandardCharsets.UTF_8));
        this.caches = caches;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        if (adminKey.isEmpty()) {
            throw new GatewayException(ErrorKind.NOT_FOUND,
                    "The cache admin endpoint is disabled: set cache.admin_key in the configuration to enable it");
        }
        if (!authorized(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            throw new GatewayException(ErrorKind.AUTHENTICATION,
                    "Invalid admin key: send the configured cache.admin_key as 'Authorization: Bearer <key>'");
        }
        List<String> tenants = new QueryStringDecoder(request.uri()).parameters().get(TENANT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "cache.cleared");
        ResponseCaches.Cleared cleared;
        if (tenants == null) {
            body.put("tenant", null);
            cleared = caches.clear();
        } else {
            String tenant = tenants.get(0).trim();
            if (tenant.isEmpty() || tenants.size() > 1) {
                throw GatewayException.invalid("Give exactly one non-empty tenant id", TENANT);
            }
            body.put("tenant", tenant);
            cleared = caches.clear(tenant);
        }
        body.put("exact", cleared.exact());
        body.put("semantic", cleared.semantic());
        exchange.respond(AdminResponses.json(HttpResponseStatus.OK, body), ExchangeOutcome.success(200));
    }

    /** Compares in constant time, so the key cannot be guessed byte by byte from response times. */
    private boolean authorized(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return false;
        }
        byte[] sent = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, adminKey.get());
    }
}
