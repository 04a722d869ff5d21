package dev.gearbox.config;

/**
 * Where the classifier's score switches tier. Either target shares, from which Gearbox derives the
 * thresholds on the model's calibration scores, or the thresholds themselves.
 */
public sealed interface Thresholds {

    /**
     * Target shares of the calibration set: the lowest-scoring {@code fastShare} go to fast, the
     * highest-scoring {@code frontierShare} to frontier, the rest to balanced.
     */
    record Shares(double fastShare, double frontierShare) implements Thresholds {
    }

    /** A score at or above {@code balancedAbove} leaves fast; at or above {@code frontierAbove}, frontier. */
    record Explicit(double balancedAbove, double frontierAbove) implements Thresholds {
    }
}
