package dev.gearbox.server;

import dev.gearbox.config.CacheConfig;
import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.server.admin.CacheAdminEndpoint;
import dev.gearbox.server.admin.HealthEndpoints;
import dev.gearbox.server.admin.MetricsEndpoint;
import dev.gearbox.server.admin.ModelsEndpoint;
import dev.gearbox.server.chat.ChatCompletionsEndpoint;
import dev.gearbox.server.http.RouteTable;
import dev.gearbox.server.telemetry.FeedbackEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every path Gearbox serves, in one visible list. Paths are exact except {@code /v1/models/{id}};
 * OpenAI's API lives under {@code /v1}.
 */
public final class GearboxRoutes {
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String FEEDBACK = "/v1/feedback";
    public static final String ADMIN_CACHE = "/admin/cache";

    private GearboxRoutes() {
    }

    /**
     * @param modelIds            the names a client may use as {@code model}, read per request
     * @param startedEpochSeconds reported as each model's {@code created}
     */
    public static RouteTable create(ChatGateway gateway, OpenAiCodec codec, Supplier<List<String>> modelIds,
                                    long startedEpochSeconds, ServerState state, PrometheusMeterRegistry registry) {
        return create(gateway, codec, modelIds, startedEpochSeconds, state, registry, CacheConfig.DISABLED,
                new ResponseCaches(null, null));
    }

    /** As below, without the decision log: {@code POST /v1/feedback} answers 404. */
    public static RouteTable create(ChatGateway gateway, OpenAiCodec codec, Supplier<List<String>> modelIds,
                                    long startedEpochSeconds, ServerState state, PrometheusMeterRegistry registry,
                                    CacheConfig cache, ResponseCaches caches) {
        return create(gateway, codec, modelIds, startedEpochSeconds, state, registry, cache, caches,
                new FeedbackEndpoint(null, Clock.systemUTC()));
    }

    /**
     * @param cache    the tenant header and admin key of the {@code cache} config
     * @param caches   what {@code DELETE /admin/cache} empties
     * @param feedback {@code POST /v1/feedback}, writing to the decision log
     */
    public static RouteTable create(ChatGateway gateway, OpenAiCodec codec, Supplier<List<String>> modelIds,
                                    long startedEpochSeconds, ServerState state, PrometheusMeterRegistry registry,
                                    CacheConfig cache, ResponseCaches caches, FeedbackEndpoint feedback) {
        ModelsEndpoint models = new ModelsEndpoint(modelIds, startedEpochSeconds);
        return RouteTable.builder()
                .add(HttpMethod.POST, CHAT_COMPLETIONS, "chat_completions",
                        new ChatCompletionsEndpoint(gateway, codec, cache.tenantHeaderName().orElse(null)))
                .add(HttpMethod.GET, MODELS, "models", models)
                .addWithParameter(HttpMethod.GET, ModelsEndpoint.ITEM_PREFIX, "model", models)
                .add(HttpMethod.GET, HEALTH_LIVE, "health_live", HealthEndpoints.live())
                .add(HttpMethod.GET, HEALTH_READY, "health_ready", HealthEndpoints.ready(state))
                .add(HttpMethod.GET, METRICS, "metrics", new MetricsEndpoint(registry))
                .add(HttpMethod.POST, FEEDBACK, "feedback", feedback)
                .add(HttpMethod.DELETE, ADMIN_CACHE, "admin_cache", new CacheAdminEndpoint(cache.adminKeyValue(), caches))
                .build();
    }
}
