package dev.gearbox.core.routing.rules;

import dev.gearbox.config.Tier;

/** What a fired rule asks of the decision. */
public sealed interface RuleEffect {

    /** Skip the classifier: the request goes to {@code tier} (still subject to caps). */
    record Force(Tier tier) implements RuleEffect {
    }

    /** The decided tier is raised to at least {@code tier}. */
    record AtLeast(Tier tier) implements RuleEffect {
    }

    /** The decided tier is lowered to at most {@code tier}; applied last, so a cost cap always holds. */
    record AtMost(Tier tier) implements RuleEffect {
    }

    /** Go {@code steps} tiers up, unless the classifier's confidence is above {@code confidenceAbove}. */
    record UpUnlessConfident(int steps, double confidenceAbove) implements RuleEffect {
    }
}
