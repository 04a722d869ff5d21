package dev.gearbox.core.routing.policy;

import dev.gearbox.config.Thresholds;
import dev.gearbox.config.Tier;
import java.util.function.DoubleUnaryOperator;

/**
 * Maps the classifier's score to a tier with two thresholds, and says how confident that choice
 * is. Separate from the signals and the model: it only sees a number in [0,1].
 *
 * <p><b>Confidence</b> is the score's distance from the nearest threshold, scaled by the width of
 * its tier's band so it lies in [0,1]: 0 on a threshold (a hair would flip the tier), 1 at the far
 * end of the fast or frontier band, or in the middle of the balanced band. Distances are measured
 * in calibration percentiles when the model has a calibration set, because a model's scores
 * crowd into a narrow range (the bundled model's calibration scores span 0.49-0.71): a score at the
 * 25th percentile with the fast/balanced threshold at the 50th has confidence 0.5. Without a
 * calibration set, distances are in raw score units. A band of zero width gives confidence 1.
 */
public final class ThresholdPolicy {
    private final double balancedAbove;
    private final double frontierAbove;
    private final DoubleUnaryOperator scale;

    /** Thresholds with confidence measured in raw score units. */
    public ThresholdPolicy(double balancedAbove, double frontierAbove) {
        this(balancedAbove, frontierAbove, DoubleUnaryOperator.identity());
    }

    private ThresholdPolicy(double balancedAbove, double frontierAbove, DoubleUnaryOperator scale) {
        if (!(balancedAbove >= 0) || !(frontierAbove >= balancedAbove)) {
            throw new IllegalArgumentException("need 0 <= balancedAbove <= frontierAbove, got "
                    + balancedAbove + ", " + frontierAbove);
        }
        this.balancedAbove = balancedAbove;
        this.frontierAbove = frontierAbove;
        this.scale = scale;
    }

    /** Thresholds with confidence measured in percentiles of the calibration scores. */
    public static ThresholdPolicy calibrated(double balancedAbove, double frontierAbove, ScoreDistribution calibration) {
        return new ThresholdPolicy(balancedAbove, frontierAbove, calibration::percentile);
    }

    /**
     * Thresholds from the config: as given, or derived from target shares of the calibration
     * scores. {@code calibration} may be null only with explicit thresholds.
     */
    public static ThresholdPolicy of(Thresholds thresholds, ScoreDistribution calibration) {
        if (thresholds instanceof Thresholds.Explicit e) {
            return calibration == null ? new ThresholdPolicy(e.balancedAbove(), e.frontierAbove())
                    : calibrated(e.balancedAbove(), e.frontierAbove(), calibration);
        }
        if (calibration == null) {
            throw new IllegalArgumentException("target shares need the model's calibration scores");
        }
        Thresholds.Shares s = (Thresholds.Shares) thresholds;
        double balanced = calibration.thresholdBelow(s.fastShare());
        double frontier = calibration.thresholdBelow(1 - s.frontierShare());
        return calibrated(balanced, Math.max(balanced, frontier), calibration);
    }

    public double balancedAbove() {
        return balancedAbove;
    }

    public double frontierAbove() {
        return frontierAbove;
    }

    public Tier tier(double score) {
        if (score >= frontierAbove) {
            return Tier.FRONTIER;
        }
        return score >= balancedAbove ? Tier.BALANCED : Tier.FAST;
    }

    public double confidence(double score) {
        Tier tier = tier(score);
        double s = position(score);
        double b = position(balancedAbove);
        double f = position(frontierAbove);
        return switch (tier) {
            case FAST -> scaled(b - s, b - position(0));
            case FRONTIER -> scaled(s - f, position(1) - f);
            case BALANCED -> scaled(Math.min(s - b, f - s), (f - b) / 2);
        };
    }

    private double position(double score) {
        return scale.applyAsDouble(Math.min(1, Math.max(0, score)));
    }

    private static double scaled(double distance, double width) {
        return width <= 0 ? 1.0 : Math.min(1, Math.max(0, distance / width));
    }

    @Override
    public String toString() {
        return "ThresholdPolicy[balancedAbove=" + balancedAbove + ", frontierAbove=" + frontierAbove + "]";
    }
}
