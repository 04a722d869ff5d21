package dev.gearbox.server.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The tenant of a request: {@code key-} and the first 12 hex digits of the SHA-256 of the client's
 * bearer token, or {@code anonymous}. The token itself is never kept, logged or forwarded.
 */
public final class TenantIds {
    static final String ANONYMOUS = "anonymous";
    private static final String BEARER = "bearer ";

    private TenantIds() {
    }

    public static String fromAuthorization(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return ANONYMOUS;
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return ANONYMOUS;
        }
        return "key-" + HexFormat.of().formatHex(sha256(token), 0, 6);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
