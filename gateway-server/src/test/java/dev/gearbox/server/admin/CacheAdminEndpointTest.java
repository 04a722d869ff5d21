package dev.gearbox.server.admin;

import static dev.gearbox.server.testing.ServerHarness.exchange;
import static dev.gearbox.server.testing.ServerHarness.json;
import static dev.gearbox.server.testing.ServerHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.CacheConfig;
import dev.gearbox.config.ExactCacheConfig;
import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CachedAnswer;
import dev.gearbox.core.cache.ExactCache;
import dev.gearbox.core.cache.ExactKey;
import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheAdminEndpointTest {
    private static final String KEY = "admin-secret";
    private final CacheConfig config = new CacheConfig(new ExactCacheConfig(true, 1 << 20, Duration.ofHours(1), false),
            SemanticCacheConfig.DISABLED, null, KEY);
    private final ResponseCaches caches = ResponseCaches.create(config, 384, Ticker.systemTicker());
    private final EmbeddedChannel channel = new ServerHarness(config, caches).channel();

    private static FullHttpRequest delete(String uri, String key) {
        FullHttpRequest request = request(HttpMethod.DELETE, uri, null);
        if (key != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key);
        }
        return request;
    }

    private void store(String tenant, String question) {
        ExactCache exact = caches.exact().orElseThrow();
        exact.put(ExactKey.of(tenant, ChatRequest.of("auto", List.of(Message.of(Role.USER, question)))),
                CachedAnswer.of(new ChatResponse("id", 0, "m", List.of(), null, null, Map.of()), Tier.FAST, "d"));
    }

    @Test
    void withoutAConfiguredKeyTheEndpointIsNotFound() {
        FullHttpResponse response = exchange(new ServerHarness().channel(), delete("/admin/cache", KEY));

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(json(response).at("/error/message").asText()).contains("cache.admin_key");
    }

    @Test
    void aMissingOrWrongKeyIsAnOpenAiAuthenticationError() {
        store("a", "q");
        for (String key : new String[] {null, "wrong", KEY + "x"}) {
            FullHttpResponse response = exchange(channel, delete("/admin/cache", key));

            assertThat(response.status().code()).isEqualTo(401);
            JsonNode error = json(response).get("error");
            assertThat(error.get("type").asText()).isEqualTo("authentication_error");
            assertThat(error.toString()).doesNotContain(KEY);
        }
        assertThat(caches.exact().orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void clearsOneTenantThenEverything() {
        store("a", "q1");
        store("a", "q2");
        store("b", "q1");

        JsonNode tenant = json(exchange(channel, delete("/admin/cache?tenant=a", KEY)));
        assertThat(tenant.toString()).isEqualTo("{\"object\":\"cache.cleared\",\"tenant\":\"a\",\"exact\":2,\"semantic\":0}");
        JsonNode all = json(exchange(channel, delete("/admin/cache", KEY)));
        assertThat(all.get("exact").asLong()).isEqualTo(1);
        assertThat(all.get("tenant").isNull()).isTrue();
        assertThat(caches.exact().orElseThrow().size()).isZero();
    }

    @Test
    void anEmptyTenantIsABadRequestNamingTheParameter() {
        FullHttpResponse response = exchange(channel, delete("/admin/cache?tenant=", KEY));

        assertThat(response.status().code()).isEqualTo(400);
        assertThat(json(response).at("/error/param").asText()).isEqualTo("tenant");
    }
}
