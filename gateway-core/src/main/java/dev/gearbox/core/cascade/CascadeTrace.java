package dev.gearbox.core.cascade;

import dev.gearbox.config.Tier;
import java.util.List;

/**
 * How a cascaded request went: the tier it started on, whether it escalated, and every gate
 * verdict in the order the gates ran (across all tiers tried). The deciding verdict is the last
 * escalation, or the last accept when nothing escalated.
 */
public record CascadeTrace(Tier startTier, boolean escalated, List<GateVerdict> verdicts) {
    public CascadeTrace {
        verdicts = List.copyOf(verdicts);
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
}
