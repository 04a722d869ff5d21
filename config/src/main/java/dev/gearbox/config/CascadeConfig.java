package dev.gearbox.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The confidence-gated cascade for {@code model: auto}: answer on {@code startTier} first, run the
 * {@code gates}, and escalate a rejected answer tier by tier up to {@code ceilingTier}, at most
 * {@code maxEscalations} times, telling the next tier why ({@code hint}). Only requests whose class
 * is in {@code classes} cascade (an unclassified request counts as {@code other}); the rest, and
 * any request an override rule forced to a tier, are routed as before.
 *
 * @param startTier null to start on the tier the router decided (its score picks the start)
 * @param streams   whether a streamed request is buffered and gated, or routed without a cascade
 */
public record CascadeConfig(
        boolean enabled,
        Tier startTier,
        Tier ceilingTier,
        int maxEscalations,
        Hint hint,
        Set<String> classes,
        Streams streams,
        List<GateConfig> gates) {

    /** The request classes the classifier knows; {@code other} also covers unclassified requests. */
    public static final List<String> KNOWN_CLASSES =
            List.of("code", "math", "reasoning", "knowledge", "writing", "extraction", "chat", "other");
    public static final String UNCLASSIFIED = "other";
    /** What the next tier is told when an answer is rejected. */
    public enum Hint {
        NONE("none"), REASON("reason"), ANSWER_AND_REASON("answer_and_reason");

        private final String wire;

        Hint(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** {@code buffer}: gate a streamed answer before the client sees it; {@code route}: streams never cascade. */
    public enum Streams {
        BUFFER("buffer"), ROUTE("route");

        private final String wire;

        Streams(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static final List<GateConfig> DEFAULT_GATES = List.of(new GateConfig.Empty(), new GateConfig.Length(),
            new GateConfig.Refusal(List.of(), true), new GateConfig.Json(), new GateConfig.JsonSchema(),
            new GateConfig.ToolArgs());
    public static final int DEFAULT_MAX_ESCALATIONS = 2;
    /** Used when the config has no {@code cascade} section: every request is routed. */
    public static final CascadeConfig DISABLED = new CascadeConfig(false, Tier.FAST, Tier.FRONTIER,
            DEFAULT_MAX_ESCALATIONS, Hint.REASON, Set.copyOf(KNOWN_CLASSES), Streams.BUFFER, DEFAULT_GATES);

    public CascadeConfig {
        Objects.requireNonNull(ceilingTier, "ceilingTier");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(streams, "streams");
        classes = Set.copyOf(classes);
        gates = List.copyOf(gates);
    }

    /** Whether a request of {@code requestClass} (null when unclassified) cascades. */
    public boolean cascades(String requestClass) {
        return classes.contains(requestClass == null ? UNCLASSIFIED : requestClass);
    }
}
