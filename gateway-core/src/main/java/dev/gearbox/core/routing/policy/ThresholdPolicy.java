package dev.gearbox.core.routing.policy;

import dev.gearbox.config.Thresholds;
import dev.gearbox.config.Tier;

/**
 * Maps the classifier's score to a tier with two thresholds, and says how confident that choice
 * is. Separate from the signals and the model: it only sees a number in [0,1].
 *
 * <p><b>Confidence</b> is the score's distance from the nearest threshold, scaled by the width of
 * its tier's band so it lies in [0,1]: 0 on a threshold (a hair would flip the tier), 1 at the far
 * end of the fast or frontier band, or in the middle of the balanced band. A band of zero width
 * (equal thresholds, or a threshold at 0 or above 1) gives confidence 1 for scores inside it.
 */
public record ThresholdPolicy(double balancedAbove, double frontierAbove) {

    public ThresholdPolicy {
        if (!(balancedAbove >= 0) || !(frontierAbove >= balancedAbove)) {
            throw new IllegalArgumentException("need 0 <= balancedAbove <= frontierAbove, got "
                    + balancedAbove + ", " + frontierAbove);
        }
    }

    /** Thresholds from the config: as given, or derived from target shares of the calibration scores. */
    public static ThresholdPolicy of(Thresholds thresholds, ScoreDistribution calibration) {
        if (thresholds instanceof Thresholds.Explicit e) {
            return new ThresholdPolicy(e.balancedAbove(), e.frontierAbove());
        }
        Thresholds.Shares s = (Thresholds.Shares) thresholds;
        double balanced = calibration.thresholdBelow(s.fastShare());
        double frontier = calibration.thresholdBelow(1 - s.frontierShare());
        return new ThresholdPolicy(balanced, Math.max(balanced, frontier));
    }

    public Tier tier(double score) {
        if (score >= frontierAbove) {
            return Tier.FRONTIER;
        }
        return score >= balancedAbove ? Tier.BALANCED : Tier.FAST;
    }

    public double confidence(double score) {
        double s = Math.min(1, Math.max(0, score));
        return switch (tier(s)) {
            case FAST -> scaled(balancedAbove - s, balancedAbove);
            case FRONTIER -> scaled(s - frontierAbove, 1 - frontierAbove);
            case BALANCED -> scaled(Math.min(s - balancedAbove, frontierAbove - s), (frontierAbove - balancedAbove) / 2);
        };
    }

    private static double scaled(double distance, double width) {
        return width <= 0 ? 1.0 : Math.min(1, Math.max(0, distance / width));
    }
}
