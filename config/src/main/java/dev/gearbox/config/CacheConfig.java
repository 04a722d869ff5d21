package dev.gearbox.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cache} section: the exact and semantic response caches, the header that names a
 * tenant (when absent, the tenant is derived from the client's API key), and the key that protects
 * {@code DELETE /admin/cache} (null: the endpoint is off). {@link #toString()} never shows the key.
 */
public record CacheConfig(ExactCacheConfig exact, SemanticCacheConfig semantic, String tenantHeader, String adminKey) {
    /** Used when the config has no {@code cache} section. */
    public static final CacheConfig DISABLED = new CacheConfig(ExactCacheConfig.DISABLED, SemanticCacheConfig.DISABLED,
            null, null);

    public CacheConfig {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(semantic, "semantic");
    }

    /** True when at least one of the caches is on. */
    public boolean enabled() {
        return exact.enabled() || semantic.enabled();
    }

    public Optional<String> tenantHeaderName() {
        return Optional.ofNullable(tenantHeader);
    }

    public Optional<String> adminKeyValue() {
        return Optional.ofNullable(adminKey);
    }

    @Override
    public String toString() {
        return "CacheConfig[exact=" + exact + ", semantic=" + semantic + ", tenantHeader=" + tenantHeader
                + ", adminKey=" + (adminKey == null ? "none" : "***") + "]";
    }
}
