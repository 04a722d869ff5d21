package dev.gearbox.core.cascade;

import java.util.Objects;

/**
 * What one quality gate says about a cheap answer: accept it, escalate to the next tier (with a
 * short reason the next tier may see as a hint), or abstain (the gate has nothing to say, e.g.
 * a JSON check on a plain-text request).
 */
public sealed interface GateVerdict {
    /** The gate's name, e.g. {@code json}, {@code logprob}, {@code judge}; a bounded metric tag. */
    String gate();

    record Accept(String gate) implements GateVerdict {
        public Accept {
            Objects.requireNonNull(gate, "gate");
        }
    }

    /** {@code reason} is a short bounded code (e.g. {@code invalid_json}); {@code detail} is for people. */
    record Escalate(String gate, String reason, String detail) implements GateVerdict {
        public Escalate {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Abstain(String gate) implements GateVerdict {
        public Abstain {
            Objects.requireNonNull(gate, "gate");
        }
    }
}
