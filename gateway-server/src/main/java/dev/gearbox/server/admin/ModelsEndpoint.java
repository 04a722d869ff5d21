package dev.gearbox.server.admin;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/models}: every name a client may put in {@code model} ({@code auto}, the tiers,
 * the deployments) in OpenAI's list shape; {@code GET /v1/models/{id}} one of them, or OpenAI's
 * 404 {@code model_not_found}. The ids are read per request so a config reload shows.
 */
public final class ModelsEndpoint implements Endpoint {
    static final String OWNER = "gearbox";
    /** {@code GET /v1/models/{id}}: the decoded path after this prefix is the id. */
    public static final String ITEM_PREFIX = "/v1/models/";

    private final Supplier<List<String>> modelIds;
    private final long createdEpochSeconds;

    /** {@code createdEpochSeconds} is reported as every model's {@code created} (the server's start). */
    public ModelsEndpoint(Supplier<List<String>> modelIds, long createdEpochSeconds) {
        this.modelIds = modelIds;
        this.createdEpochSeconds = createdEpochSeconds;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.startsWith(ITEM_PREFIX)) {
            one(path.substring(ITEM_PREFIX.length()), exchange);
            return;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : modelIds.get()) {
            data.add(model(id));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        exchange.respond(AdminResponses.json(HttpResponseStatus.OK, body), ExchangeOutcome.success(200));
    }

    private void one(String id, Exchange exchange) {
        if (!modelIds.get().contains(id)) {
            exchange.fail(new GatewayException(ErrorKind.MODEL_NOT_FOUND,
                    "The model '" + id + "' does not exist; GET /v1/models lists the names Gearbox serves",
                    "model", ErrorKind.MODEL_NOT_FOUND.defaultCode(), 0, null, null), null);
            return;
        }
        exchange.respond(AdminResponses.json(HttpResponseStatus.OK, model(id)), ExchangeOutcome.success(200));
    }

    private Map<String, Object> model(String id) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", createdEpochSeconds);
        model.put("owned_by", OWNER);
        return model;
    }
}
