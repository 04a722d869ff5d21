package dev.gearbox.core.routing;

import dev.gearbox.config.Tier;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;

/**
 * Decides the tier for {@code model: auto}. The foundation uses a fixed tier (the configured
 * {@code routing.defaultTier}); the classifier plugs in here later.
 */
@FunctionalInterface
public interface TierSelector {
    Tier select(ChatRequest request, RequestContext context);

    /** Always the same tier. */
    static TierSelector fixed(Tier tier) {
        return (request, context) -> tier;
    }
}
