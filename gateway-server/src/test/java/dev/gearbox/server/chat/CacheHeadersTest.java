package dev.gearbox.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.gateway.RouteInfo;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's response headers and the request headers that steer it (bypass, tenant). */
class CacheHeadersTest {

    private static HttpHeaders applied(CacheResult cache) {
        HttpHeaders headers = new DefaultHttpHeaders();
        GearboxResponseHeaders.apply(headers, new RouteInfo(Tier.FAST, "d", List.of(), 0).withCache(cache), 1_000_000);
        return headers;
    }

    @Test
    void aSemanticHitNamesItsSimilarity() {
        HttpHeaders headers = applied(CacheResult.semanticHit(0.93456));

        assertThat(headers.get("x-gearbox-cache")).isEqualTo("hit-semantic");
        assertThat(headers.get("x-gearbox-cache-similarity")).isEqualTo("0.9346");
    }

    @Test
    void otherOutcomesHaveNoSimilarityAndNoCacheStageMeansNoHeader() {
        assertThat(applied(CacheResult.HIT_EXACT).get("x-gearbox-cache")).isEqualTo("hit-exact");
        assertThat(applied(CacheResult.MISS).contains("x-gearbox-cache-similarity")).isFalse();
        assertThat(applied(CacheResult.BYPASS).get("x-gearbox-cache")).isEqualTo("bypass");
        assertThat(applied(null).contains("x-gearbox-cache")).isFalse();
    }

    @Test
    void cacheControlNoCacheOrNoStoreReadsAsBypass() {
        for (String value : List.of("no-cache", "No-Store", "max-age=0, no-cache")) {
            HttpHeaders headers = new DefaultHttpHeaders().set("cache-control", value);
            assertThat(RequestContexts.gearboxHeaders(headers)).containsEntry("x-gearbox-cache", "bypass");
        }
        assertThat(RequestContexts.gearboxHeaders(new DefaultHttpHeaders().set("cache-control", "max-age=60")))
                .doesNotContainKey("x-gearbox-cache");
    }

    @Test
    void aConfiguredTenantHeaderNamesTheTenantElseTheApiKeyDoes() {
        HttpHeaders headers = new DefaultHttpHeaders().set("authorization", "Bearer sk-1").set("x-tenant-id", "acme");

        assertThat(RequestContexts.tenant(headers, "x-tenant-id")).isEqualTo("acme");
        assertThat(RequestContexts.tenant(headers, null)).isEqualTo(TenantIds.fromAuthorization("Bearer sk-1"));
        assertThat(RequestContexts.tenant(new DefaultHttpHeaders().set("authorization", "Bearer sk-1"), "x-tenant-id"))
                .startsWith("key-");
        assertThat(RequestContexts.tenant(new DefaultHttpHeaders().set("x-tenant-id", "t".repeat(500)), "x-tenant-id"))
                .hasSize(RequestContexts.MAX_TENANT_LENGTH);
    }
}
