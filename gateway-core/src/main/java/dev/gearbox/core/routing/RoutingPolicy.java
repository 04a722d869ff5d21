package dev.gearbox.core.routing;

import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import java.util.List;

/**
 * Decides where a request goes: resolves its {@code model}, lets the {@link TierSelector} pick
 * the tier for {@code auto}, and plans the deployments to try. Fails with a GatewayException
 * (unknown model, no capacity).
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

    public List<Candidate> candidates(ChatRequest request, RequestContext context) {
        Target target = resolver.resolve(request.model());
        if (target instanceof Target.PinnedTarget pinned) {
            return planner.pinned(pinned.deployment());
        }
        if (target instanceof Target.TierTarget tier) {
            return planner.plan(tier.tier());
        }
        return planner.plan(tierSelector.select(request, context));
    }
}
