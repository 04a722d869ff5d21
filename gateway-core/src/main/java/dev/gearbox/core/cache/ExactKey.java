package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatRequest;

/** The exact cache's key: the tenant and the SHA-256 of the canonical request. */
public record ExactKey(String tenant, String digest) {
    public static ExactKey of(String tenant, ChatRequest request) {
        return new ExactKey(tenant, CanonicalRequest.exactDigest(request));
    }
}
