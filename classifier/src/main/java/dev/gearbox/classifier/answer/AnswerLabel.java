package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.data.RoutingRow;

/**
 * When a row's cheap answer counts as good enough, the target of the answer-quality model. A
 * cascade should escalate exactly when the strong model would do better, so the label compares the
 * two: on binary rows the weak answer must score at least as well as the strong one (both wrong
 * counts as good enough: escalating would not help); on 1-10 judge rows it may trail the strong
 * answer by {@value #JUDGE_POINTS_TOLERATED} point, about the judge's own noise.
 */
public final class AnswerLabel {

    public static final double JUDGE_POINTS_TOLERATED = 1.0;

    private AnswerLabel() {
    }

    /** 1 when the weak answer is good enough, else 0. */
    public static double goodEnough(RoutingRow row) {
        double tolerated = "binary".equals(row.scale()) ? 0 : JUDGE_POINTS_TOLERATED;
        return row.weakScore() >= row.strongScore() - tolerated ? 1 : 0;
    }

    /**
     * A soft target: how much better (or worse) the weak answer did than the strong one, scaled to
     * [0,1] with ties at one half (the router's expected-gain target turned around). Ranks answers
     * by the quality escalation would win, which is what APGR rewards.
     */
    public static double relativeQuality(RoutingRow row) {
        double range = "binary".equals(row.scale()) ? 1 : 9;
        return ((row.weakScore() - row.strongScore()) / range + 1) / 2;
    }

    /** True when the row carries the weak model's answer, so an answer gate can be trained and evaluated on it. */
    public static boolean hasWeakAnswer(RoutingRow row) {
        return row.weakAnswer() != null && !row.weakAnswer().isBlank();
    }
}
