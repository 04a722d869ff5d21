package dev.gearbox.server.admin;

import dev.gearbox.server.ServerState;
import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /health/live}: 200 while the process answers at all. {@code GET /health/ready}: 200
 * while serving, 503 while starting or draining, so a load balancer stops sending traffic first.
 */
public final class HealthEndpoints {
    private HealthEndpoints() {
    }

    public static Endpoint live() {
        return (request, exchange) -> exchange.respond(
                AdminResponses.json(HttpResponseStatus.OK, Map.of("status", "live")), ExchangeOutcome.success(200));
    }

    public static Endpoint ready(ServerState state) {
        return (request, exchange) -> {
            ServerState.Phase phase = state.phase();
            boolean ready = phase == ServerState.Phase.SERVING;
            HttpResponseStatus status = ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
            String word = ready ? "ready" : phase.name().toLowerCase(Locale.ROOT);
            exchange.respond(AdminResponses.json(status, Map.of("status", word)),
                    ExchangeOutcome.success(status.code()));
        };
    }
}
