package dev.gearbox.core.cascade;

import dev.gearbox.config.Tier;
import dev.gearbox.core.model.Usage;
import java.util.List;
import java.util.Map;

/**
 * How a cascaded request went: the tier it started on, whether it escalated, and every gate
 * verdict in the order the gates ran (across all tiers tried). The deciding verdict is the last
 * escalation, or the last accept when nothing escalated. {@code answers} lists every answer a tier
 * gave, in order, with its token usage, so the cost of rejected answers is counted too;
 * {@code unresolved} is true when the last answer also failed the gates and was returned anyway
 * because no tier was left.
 */
public record CascadeTrace(Tier startTier, boolean escalated, List<GateVerdict> verdicts, List<TierAnswer> answers,
                           boolean unresolved) {
    public CascadeTrace {
        verdicts = List.copyOf(verdicts);
        answers = List.copyOf(answers);
    }

    public CascadeTrace(Tier startTier, boolean escalated, List<GateVerdict> verdicts) {
        this(startTier, escalated, verdicts, List.of(), false);
    }

    /** One answer a tier gave during the cascade; {@code usage} is null when the upstream reported none. */
    public record TierAnswer(Tier tier, String deployment, Usage usage) {
    }

    /** The verdict that decided the outcome, or null when no gate gave one. */
    public GateVerdict deciding() {
        GateVerdict accept = null;
        GateVerdict escalate = null;
        for (GateVerdict v : verdicts) {
            if (v instanceof GateVerdict.Escalate) {
                escalate = v;
            } else if (v instanceof GateVerdict.Accept) {
                accept = v;
            }
        }
        return escalated && escalate != null ? escalate : accept;
    }

    /** Token usage summed over every answer (rejected ones included); zero when none reported usage. */
    public Usage totalUsage() {
        int prompt = 0;
        int completion = 0;
        for (TierAnswer a : answers) {
            if (a.usage() != null) {
                prompt += a.usage().promptTokens();
                completion += a.usage().completionTokens();
            }
        }
        return new Usage(prompt, completion, prompt + completion, Map.of());
    }
}
