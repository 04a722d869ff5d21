package dev.gearbox.config;

/**
 * Shadow mode: {@code share} of the {@code auto} requests (0..1) are also sent, after the client's
 * answer, to the baseline deployment so both answers can be compared in the decision log.
 * {@code seed} makes the sampling reproducible.
 */
public record ShadowConfig(double share, long seed) {
    public static final long DEFAULT_SEED = 42;
    public static final ShadowConfig OFF = new ShadowConfig(0, DEFAULT_SEED);

    public ShadowConfig {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0,1], got " + share);
        }
    }

    public boolean enabled() {
        return share > 0;
    }
}
