package dev.gearbox.core.routing;

import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Decides where a request goes: resolves its {@code model}, lets the {@link TierSelector} pick
 * the tier for {@code auto}, and plans the deployments to try. An unknown model throws a
 * GatewayException at once; everything later fails the returned future (no capacity, bad header).
 * A pinned model or a tier name completes at once; {@code auto} completes when the selector has
 * decided, on the selector's thread.
 */
public final class RoutingPolicy {
    private final ModelResolver resolver;
    private final TierSelector tierSelector;
    private final AttemptPlanner planner;

    public RoutingPolicy(ModelResolver resolver, TierSelector tierSelector, AttemptPlanner planner) {
        this.resolver = resolver;
        this.tierSelector = tierSelector;
        this.planner = planner;
    }

    public CompletableFuture<RoutePlan> route(ChatRequest request, RequestContext context) {
        Target target = resolver.resolve(request.model());
        if (target instanceof Target.PinnedTarget pinned) {
            return CompletableFuture.completedFuture(new RoutePlan(planner.pinned(pinned.deployment()), null));
        }
        if (target instanceof Target.TierTarget tier) {
            return CompletableFuture.completedFuture(new RoutePlan(planner.plan(tier.tier()), null));
        }
        return tierSelector.select(request, context)
                .thenApply(decision -> new RoutePlan(planner.plan(decision.tier()), decision));
    }
}
