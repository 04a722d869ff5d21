package dev.gearbox.server.admin;

import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/models}: every name a client may put in {@code model} ({@code auto}, the tiers,
 * the deployments) in OpenAI's list shape. The ids are read per request so a config reload shows.
 */
public final class ModelsEndpoint implements Endpoint {
    static final String OWNER = "gearbox";

    private final Supplier<List<String>> modelIds;
    private final long createdEpochSeconds;

    /** {@code createdEpochSeconds} is reported as every model's {@code created} (the server's start). */
    public ModelsEndpoint(Supplier<List<String>> modelIds, long createdEpochSeconds) {
        this.modelIds = modelIds;
        this.createdEpochSeconds = createdEpochSeconds;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : modelIds.get()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", createdEpochSeconds);
            model.put("owned_by", OWNER);
            data.add(model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        exchange.respond(AdminResponses.json(HttpResponseStatus.OK, body), ExchangeOutcome.success(200));
    }
}
