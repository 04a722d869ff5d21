package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingRow;

/** How a labeled row becomes a training target, the probability that the strong model is needed. */
public enum Target {
    /** 1 when the strong model scored higher than the weak one, else 0. */
    HARD,
    /** Binary rows as HARD; judge-scored rows by how much better the strong answer was (3+ points = 1). */
    SOFT;

    private static final double JUDGE_POINTS_FOR_CERTAINTY = 3.0;

    public double of(RoutingRow row) {
        if (this == HARD || "binary".equals(row.scale())) {
            return row.strongNeeded() ? 1 : 0;
        }
        double gain = row.strongScore() - row.weakScore();
        return Math.max(0, Math.min(1, gain / JUDGE_POINTS_FOR_CERTAINTY));
    }
}
