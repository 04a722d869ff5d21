package dev.gearbox.server;

import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.providers.openai.OpenAiCodec;
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

/** Every path Gearbox serves, in one visible list. Paths are exact: OpenAI's API lives under {@code /v1}. */
public final class GearboxRoutes {
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String FEEDBACK = "/v1/feedback";

    private GearboxRoutes() {
    }

    /**
     * @param modelIds            the names a client may use as {@code model}, read per request
     * @param startedEpochSeconds reported as each model's {@code created}
     */
    public static RouteTable create(ChatGateway gateway, OpenAiCodec codec, Supplier<List<String>> modelIds,
                                    long startedEpochSeconds, ServerState state, PrometheusMeterRegistry registry) {
        return create(gateway, codec, modelIds, startedEpochSeconds, state, registry,
                new FeedbackEndpoint(null, Clock.systemUTC()));
    }

    /** As above, with the {@code POST /v1/feedback} endpoint that writes to the decision log. */
    public static RouteTable create(ChatGateway gateway, OpenAiCodec codec, Supplier<List<String>> modelIds,
                                    long startedEpochSeconds, ServerState state, PrometheusMeterRegistry registry,
                                    FeedbackEndpoint feedback) {
        ModelsEndpoint models = new ModelsEndpoint(modelIds, startedEpochSeconds);
        return RouteTable.builder()
                .add(HttpMethod.POST, CHAT_COMPLETIONS, "chat_completions", new ChatCompletionsEndpoint(gateway, codec))
                .add(HttpMethod.GET, MODELS, "models", models)
                .addWithParameter(HttpMethod.GET, ModelsEndpoint.ITEM_PREFIX, "model", models)
                .add(HttpMethod.GET, HEALTH_LIVE, "health_live", HealthEndpoints.live())
                .add(HttpMethod.GET, HEALTH_READY, "health_ready", HealthEndpoints.ready(state))
                .add(HttpMethod.GET, METRICS, "metrics", new MetricsEndpoint(registry))
                .add(HttpMethod.POST, FEEDBACK, "feedback", feedback)
                .build();
    }
}
