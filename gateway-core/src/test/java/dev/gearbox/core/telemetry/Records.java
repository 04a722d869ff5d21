package dev.gearbox.core.telemetry;

import dev.gearbox.config.Tier;
import dev.gearbox.core.cost.AttemptCost;
import dev.gearbox.core.cost.RequestCost;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.routing.RoutingDecision;
import java.time.Instant;
import java.util.List;

/** Request records for the telemetry tests. */
public final class Records {
    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Records() {
    }

    public static ChatRequest request(String model, String prompt) {
        return ChatRequest.of(model, List.of(Message.of(Role.USER, prompt)));
    }

    /** An auto request of {@code requestClass} answered on {@code tier}/{@code deployment}. */
    public static RequestRecord answered(String id, String requestClass, Tier tier, String deployment) {
        RouteInfo route = new RouteInfo(tier, deployment,
                List.of(new Attempt(deployment, tier, 80_000_000, null, 200, null)), 80_000_000,
                new RoutingDecision(tier, 0.3, 0.4, requestClass, null));
        RequestCost cost = new RequestCost(List.of(new AttemptCost(deployment, 100, 50, 0.001)), 0.001, 0.01);
        return new RequestRecord(id, T0, "tenant-a", request("auto", "Write a haiku"), false, "ok", null, route,
                Usage.of(100, 50), "An answer", 100_000_000, -1, cost);
    }
}
