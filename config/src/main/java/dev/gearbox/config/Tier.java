package dev.gearbox.config;

import java.util.Optional;

/** The three routing tiers, cheapest first; {@link #next()} is the tier a fallback goes up to. */
public enum Tier {
    FAST("fast"), BALANCED("balanced"), FRONTIER("frontier");

    private final String wire;

    Tier(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in config, headers, metrics and the {@code model} field. */
    public String wire() {
        return wire;
    }

    /** The next more capable tier, empty for frontier. */
    public Optional<Tier> next() {
        int i = ordinal() + 1;
        return i < values().length ? Optional.of(values()[i]) : Optional.empty();
    }

    /** The tier with this wire name, empty when there is none. */
    public static Optional<Tier> fromWire(String name) {
        for (Tier t : values()) {
            if (t.wire.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
