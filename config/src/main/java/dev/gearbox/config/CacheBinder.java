package dev.gearbox.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the optional {@code cache} section. Without it both caches are off
 * ({@link CacheConfig#DISABLED}); with it the exact cache is on unless {@code exact.enabled} says
 * otherwise, the semantic cache is on when its mapping is given, and absent keys take the defaults
 * of {@link ExactCacheConfig} and {@link SemanticCacheConfig}.
 */
final class CacheBinder {
    static final String SECTION = "cache";
    private static final List<String> KEYS = List.of("exact", "semantic", "tenant_header", "admin_key");
    private static final List<String> EXACT_KEYS = List.of("enabled", "max_bytes", "ttl", "store_non_stop");
    private static final List<String> SEMANTIC_KEYS = List.of("enabled", "threshold", "max_entries", "max_bytes", "ttl",
            "max_temperature");
    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final double MAX_TEMPERATURE = 2.0;

    private CacheBinder() {
    }

    static CacheConfig bind(ConfigReader root) {
        Optional<ConfigReader> found = root.object(SECTION);
        if (found.isEmpty()) {
            return CacheConfig.DISABLED;
        }
        ConfigReader c = found.get();
        c.rejectUnknownKeys(KEYS);
        ExactCacheConfig exact = c.object("exact").map(CacheBinder::exact)
                .orElse(new ExactCacheConfig(true, ExactCacheConfig.DEFAULT_MAX_BYTES, ExactCacheConfig.DEFAULT_TTL, false));
        SemanticCacheConfig semantic = c.object("semantic").map(CacheBinder::semantic)
                .orElse(SemanticCacheConfig.DISABLED);
        String tenantHeader = c.string("tenant_header").map(String::strip).filter(h -> headerName(c, h))
                .map(h -> h.toLowerCase(Locale.ROOT)).orElse(null);
        String adminKey = c.secret("admin_key").filter(k -> !k.isBlank()).orElse(null);
        return new CacheConfig(exact, semantic, tenantHeader, adminKey);
    }

    private static ExactCacheConfig exact(ConfigReader e) {
        e.rejectUnknownKeys(EXACT_KEYS);
        ExactCacheConfig d = ExactCacheConfig.DISABLED;
        return new ExactCacheConfig(e.bool("enabled").orElse(true), e.positiveByteSize("max_bytes").orElse(d.maxBytes()),
                e.positiveDuration("ttl").orElse(d.ttl()), e.bool("store_non_stop").orElse(d.storeNonStop()));
    }

    private static SemanticCacheConfig semantic(ConfigReader s) {
        s.rejectUnknownKeys(SEMANTIC_KEYS);
        SemanticCacheConfig d = SemanticCacheConfig.DISABLED;
        double threshold = s.number("threshold").filter(t -> {
            boolean ok = t > 0 && t <= 1;
            if (!ok) {
                s.error("threshold", "must be a cosine similarity above 0 and at most 1, got " + t);
            }
            return ok;
        }).orElse(d.threshold());
        int maxEntries = s.integer("max_entries").filter(n -> {
            boolean ok = n >= 1 && n <= 10_000_000;
            if (!ok) {
                s.error("max_entries", "must be between 1 and 10000000, got " + n);
            }
            return ok;
        }).map(Long::intValue).orElse(d.maxEntries());
        double maxTemperature = s.number("max_temperature").filter(t -> {
            boolean ok = t >= 0 && t <= MAX_TEMPERATURE;
            if (!ok) {
                s.error("max_temperature", "must be between 0 and 2, got " + t);
            }
            return ok;
        }).orElse(d.maxTemperature());
        return new SemanticCacheConfig(s.bool("enabled").orElse(true), threshold, maxEntries,
                s.positiveByteSize("max_bytes").orElse(d.maxBytes()), s.positiveDuration("ttl").orElse(d.ttl()),
                maxTemperature);
    }

    private static boolean headerName(ConfigReader c, String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            c.error("tenant_header", "not a valid HTTP header name: '" + name + "'");
            return false;
        }
        if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
            c.error("tenant_header", "must not be authorization (the tenant is derived from the API key when no header is set)");
            return false;
        }
        return true;
    }
}
