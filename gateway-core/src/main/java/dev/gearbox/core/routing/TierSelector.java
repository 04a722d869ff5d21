package dev.gearbox.core.routing;

import dev.gearbox.config.Tier;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Decides the tier for {@code model: auto}. Asynchronous, because the classifier runs on its own
 * executor: the caller (an event loop) never waits on it. The future fails only with a
 * GatewayException for bad input the client can fix (an unknown {@code x-gearbox-tier}).
 */
@FunctionalInterface
public interface TierSelector {
    CompletableFuture<RoutingDecision> select(ChatRequest request, RequestContext context);

    /** Always the same tier (the router is off: {@code routing.default_tier}). */
    static TierSelector fixed(Tier tier) {
        CompletableFuture<RoutingDecision> decision = CompletableFuture.completedFuture(RoutingDecision.fixed(tier));
        return (request, context) -> decision;
    }
}
