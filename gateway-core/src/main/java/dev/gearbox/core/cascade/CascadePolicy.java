package dev.gearbox.core.cascade;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.routing.RoutePlan;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.policy.ClassifierTierSelector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses between routing and cascading for one request. Only {@code model: auto} cascades
 * (a pinned deployment or a tier by name is the client's choice); a tier forced by an override
 * rule is routed (the rule knows better than a gate), while a tier chosen for low confidence or
 * an unavailable classifier may cascade, since that is where a cheap first try pays off most.
 * Then the request class must be one that cascades, and a stream only cascades with
 * {@code streams: buffer}. The tiers run from the start tier (configured, or the router's
 * decision) up to the ceiling, configured tiers only, at most {@code max_escalations + 1}; with
 * fewer than two there is nothing to escalate to and the request is routed.
 */
public record CascadePolicy(CascadeConfig config, Set<Tier> configuredTiers) {
    private static final Set<String> NOT_FORCED = Set.of(ClassifierTierSelector.LOW_CONFIDENCE,
            ClassifierTierSelector.UNAVAILABLE);

    public CascadePolicy {
        configuredTiers = configuredTiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(configuredTiers));
    }

    public static CascadePolicy of(GearboxConfig config) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (Tier t : Tier.values()) {
            if (!config.tierDeployments(t).isEmpty()) {
                tiers.add(t);
            }
        }
        return new CascadePolicy(config.cascade(), tiers);
    }

    public static CascadePolicy disabled() {
        return new CascadePolicy(CascadeConfig.DISABLED, Set.of());
    }

    public DispatchPlan plan(ChatRequest request, RoutePlan routed) {
        RoutingDecision decision = routed.decision();
        if (!config.enabled() || decision == null || forcedByRule(decision)
                || (request.stream() && config.streams() == CascadeConfig.Streams.ROUTE)
                || !config.cascades(decision.requestClass())) {
            return new DispatchPlan.Route(routed);
        }
        List<Tier> tiers = tiers(config.startTier() != null ? config.startTier() : decision.tier());
        return tiers.size() < 2 ? new DispatchPlan.Route(routed) : new DispatchPlan.Cascade(tiers, decision);
    }

    private static boolean forcedByRule(RoutingDecision decision) {
        return decision.rule() != null && !NOT_FORCED.contains(decision.rule());
    }

    private List<Tier> tiers(Tier start) {
        List<Tier> tiers = new ArrayList<>();
        for (Tier t : Tier.values()) {
            if (t.compareTo(start) >= 0 && t.compareTo(config.ceilingTier()) <= 0 && configuredTiers.contains(t)
                    && tiers.size() <= config.maxEscalations()) {
                tiers.add(t);
            }
        }
        return tiers;
    }
}
