package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static dev.gearbox.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code cache} section: defaults, every field, and each validation error at its exact path. */
class CacheConfigTest {

    private static CacheConfig cache(String section) {
        return parse(DEPLOYMENTS + TIERS + section).cache();
    }

    private static List<String> errors(String section) {
        return errorsOf(DEPLOYMENTS + TIERS + section).stream().map(e -> e.path() + ": " + e.message()).toList();
    }

    @Test
    void withoutACacheSectionBothCachesAreOff() {
        CacheConfig cache = parse(DEPLOYMENTS + TIERS).cache();

        assertThat(cache).isEqualTo(CacheConfig.DISABLED);
        assertThat(cache.enabled()).isFalse();
    }

    @Test
    void anEmptySectionTurnsOnTheExactCacheOnly() {
        CacheConfig cache = cache("cache: {}\n");

        assertThat(cache.exact().enabled()).isTrue();
        assertThat(cache.exact().maxBytes()).isEqualTo(ExactCacheConfig.DEFAULT_MAX_BYTES);
        assertThat(cache.semantic().enabled()).isFalse();
        assertThat(cache.adminKeyValue()).isEmpty();
    }

    @Test
    void bindsEveryField() {
        CacheConfig cache = cache("""
                cache:
                  exact: {enabled: true, max_bytes: 8MiB, ttl: 10m, store_non_stop: true}
                  semantic: {enabled: true, threshold: 0.93, max_entries: 500, max_bytes: 2MiB, ttl: 5m, max_temperature: 0.5}
                  tenant_header: X-Tenant-Id
                  admin_key: s3cret
                """);

        assertThat(cache.exact()).isEqualTo(new ExactCacheConfig(true, 8L << 20, Duration.ofMinutes(10), true));
        assertThat(cache.semantic()).isEqualTo(
                new SemanticCacheConfig(true, 0.93, 500, 2L << 20, Duration.ofMinutes(5), 0.5));
        assertThat(cache.tenantHeaderName()).contains("x-tenant-id");
        assertThat(cache.adminKeyValue()).contains("s3cret");
        assertThat(cache.toString()).doesNotContain("s3cret");
    }

    @Test
    void reportsEachBadValueAtItsPath() {
        List<String> errors = errors("""
                cache:
                  exact: {max_bytes: 0, ttl: -1s, stale: true}
                  semantic: {threshold: 1.5, max_entries: 0, max_temperature: 3}
                  tenant_header: "bad header"
                  colour: blue
                """);

        assertThat(errors).anyMatch(e -> e.startsWith("cache.exact.max_bytes: must be greater than zero"))
                .anyMatch(e -> e.startsWith("cache.exact.ttl:"))
                .anyMatch(e -> e.startsWith("cache.exact.stale: unknown key"))
                .anyMatch(e -> e.startsWith("cache.semantic.threshold: must be a cosine similarity"))
                .anyMatch(e -> e.startsWith("cache.semantic.max_entries: must be between 1"))
                .anyMatch(e -> e.startsWith("cache.semantic.max_temperature: must be between 0 and 2"))
                .anyMatch(e -> e.startsWith("cache.tenant_header: not a valid HTTP header name"))
                .anyMatch(e -> e.startsWith("cache.colour: unknown key"));
    }

    @Test
    void theAuthorizationHeaderCannotNameTheTenant() {
        assertThat(errors("cache: {tenant_header: Authorization}\n"))
                .containsExactly("cache.tenant_header: must not be authorization (the tenant is derived from the API key"
                        + " when no header is set)");
    }

    @Test
    void anAbsentTemperatureCountsAsTheProviderDefault() {
        SemanticCacheConfig semantic = cache("cache: {semantic: {max_temperature: 0.3}}\n").semantic();

        assertThat(semantic.eligibleTemperature(null)).isFalse();
        assertThat(semantic.eligibleTemperature(0.0)).isTrue();
        assertThat(semantic.eligibleTemperature(0.3)).isTrue();
        assertThat(semantic.eligibleTemperature(0.31)).isFalse();
    }

    @Test
    void theShippedConfigsTurnBothCachesOn() {
        GearboxConfig defaults = ConfigLoader.loadDefault();

        assertThat(defaults.cache().exact().enabled()).isTrue();
        assertThat(defaults.cache().semantic().enabled()).isTrue();
        assertThat(defaults.cache().semantic().threshold()).isEqualTo(SemanticCacheConfig.DEFAULT_THRESHOLD);
    }
}
