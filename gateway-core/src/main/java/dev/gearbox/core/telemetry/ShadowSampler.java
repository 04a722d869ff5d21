package dev.gearbox.core.telemetry;

import java.util.Random;

/** Picks the share of requests that get a shadow copy; seeded, so a test or replay picks the same ones. */
public final class ShadowSampler {
    private final double share;
    private final Random random;

    public ShadowSampler(double share, Random random) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0,1], got " + share);
        }
        this.share = share;
        this.random = random;
    }

    public boolean sample() {
        if (share <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < share;
        }
    }
}
