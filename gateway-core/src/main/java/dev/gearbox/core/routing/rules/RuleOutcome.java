package dev.gearbox.core.routing.rules;

import dev.gearbox.config.Tier;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.List;
import java.util.Optional;

/**
 * The rules that fired for one request, and how they shape the decision: the first {@link
 * RuleEffect.Force} replaces the classifier; raises ({@code AtLeast}, {@code UpUnlessConfident}) then
 * apply in rule order; caps ({@code AtMost}) apply last, so a cost cap always holds. The decision
 * records the last rule that changed its tier.
 */
public record RuleOutcome(List<FiredRule> fired) {
    public RuleOutcome {
        fired = List.copyOf(fired);
    }

    /** The first forcing rule, when one fired: no classifier is needed. */
    public Optional<FiredRule> forced() {
        return fired.stream().filter(f -> f.effect() instanceof RuleEffect.Force).findFirst();
    }

    /** The decision after raises and caps. */
    public RoutingDecision adjust(RoutingDecision decision) {
        RoutingDecision d = decision;
        for (FiredRule f : fired) {
            if (f.effect() instanceof RuleEffect.AtLeast atLeast && d.tier().compareTo(atLeast.tier()) < 0) {
                d = d.withTier(atLeast.tier(), f.name());
            } else if (f.effect() instanceof RuleEffect.UpUnlessConfident up && d.confidence() <= up.confidenceAbove()) {
                Tier raised = up(d.tier(), up.steps());
                if (raised != d.tier()) {
                    d = d.withTier(raised, f.name());
                }
            }
        }
        for (FiredRule f : fired) {
            if (f.effect() instanceof RuleEffect.AtMost atMost && d.tier().compareTo(atMost.tier()) > 0) {
                d = d.withTier(atMost.tier(), f.name());
            }
        }
        return d;
    }

    private static Tier up(Tier tier, int steps) {
        Tier t = tier;
        for (int i = 0; i < steps; i++) {
            t = t.next().orElse(t);
        }
        return t;
    }
}
