package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingRow;

/** How a labeled row becomes a training target, the probability that the strong model is needed. */
public enum Target {
    /** 1 when the strong model scored higher than the weak one, else 0. */
    HARD,
    /** Binary rows as HARD; judge-scored rows by how much better the strong answer was (3+ points = 1). */
    SOFT,
    /**
     * The expected gain of going strong, scaled to [0,1]: ties sit at one half, so a prompt both
     * models fail ranks above one the weak model gets right and the strong one gets wrong.
     */
    GAIN,
    /** How badly the weak model did (1 - its normalized score), whatever the strong one did. */
    WEAK_FAILS;

    private static final double JUDGE_POINTS_FOR_CERTAINTY = 3.0;

    public double of(RoutingRow row) {
        boolean binary = "binary".equals(row.scale());
        double range = binary ? 1 : 9;
        if (this == GAIN) {
            return ((row.strongScore() - row.weakScore()) / range + 1) / 2;
        }
        if (this == WEAK_FAILS) {
            return binary ? 1 - row.weakScore() : (10 - row.weakScore()) / range;
        }
        if (this == HARD || "binary".equals(row.scale())) {
            return row.strongNeeded() ? 1 : 0;
        }
        double gain = row.strongScore() - row.weakScore();
        return Math.max(0, Math.min(1, gain / JUDGE_POINTS_FOR_CERTAINTY));
    }
}
