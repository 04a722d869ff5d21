package dev.gearbox.core.cache;

import dev.gearbox.core.gateway.RequestContext;

/**
 * Whether the client asked to skip the caches: {@code x-gearbox-cache: bypass} (the server also maps
 * {@code cache-control: no-cache} / {@code no-store} onto it). A bypassed request is neither served
 * from nor stored in a cache.
 */
public final class CacheBypass {
    public static final String HEADER = "x-gearbox-cache";
    public static final String VALUE = "bypass";

    private CacheBypass() {
    }

    public static boolean requested(RequestContext context) {
        String value = context.gearboxHeaders().get(HEADER);
        return value != null && value.trim().equalsIgnoreCase(VALUE);
    }
}
