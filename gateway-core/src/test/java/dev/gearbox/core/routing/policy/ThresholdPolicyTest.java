package dev.gearbox.core.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.config.Thresholds;
import dev.gearbox.config.Tier;
import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {

    /** 100 scores 0.005, 0.015, ..., 0.995: the share below x is x. */
    private static ScoreDistribution uniform() {
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[99 - i] = (i + 0.5) / 100;
        }
        return new ScoreDistribution(scores);
    }

    @Test
    void sharesBecomeThresholdsThatSplitTheCalibrationScoresAsAsked() {
        ThresholdPolicy policy = ThresholdPolicy.of(new Thresholds.Shares(0.76, 0.06), uniform());

        assertThat(policy.balancedAbove()).isCloseTo(0.76, within(1e-9));
        assertThat(policy.frontierAbove()).isCloseTo(0.94, within(1e-9));
        assertThat(uniform().shareBelow(policy.balancedAbove())).isEqualTo(0.76);
        assertThat(1 - uniform().shareBelow(policy.frontierAbove())).isCloseTo(0.06, within(1e-9));
    }

    @Test
    void extremeSharesSendEverythingToOneSide() {
        ThresholdPolicy allFast = ThresholdPolicy.of(new Thresholds.Shares(1.0, 0.0), uniform());
        ThresholdPolicy allFrontier = ThresholdPolicy.of(new Thresholds.Shares(0.0, 1.0), uniform());

        assertThat(allFast.tier(1.0)).isEqualTo(Tier.FAST);
        assertThat(allFrontier.tier(0.0)).isEqualTo(Tier.FRONTIER);
    }

    @Test
    void explicitThresholdsAreUsedAsGiven() {
        ThresholdPolicy policy = ThresholdPolicy.of(new Thresholds.Explicit(0.42, 0.71), uniform());

        assertThat(policy.balancedAbove()).isEqualTo(0.42);
        assertThat(policy.frontierAbove()).isEqualTo(0.71);
        assertThat(policy.tier(0.41)).isEqualTo(Tier.FAST);
        assertThat(policy.tier(0.42)).isEqualTo(Tier.BALANCED);
        assertThat(policy.tier(0.70)).isEqualTo(Tier.BALANCED);
        assertThat(policy.tier(0.71)).isEqualTo(Tier.FRONTIER);
    }

    @Test
    void confidenceIsTheDistanceToTheNearestThresholdScaledByTheBand() {
        ThresholdPolicy policy = new ThresholdPolicy(0.4, 0.8);

        assertThat(policy.confidence(0.0)).isEqualTo(1.0);
        assertThat(policy.confidence(0.3)).isCloseTo(0.25, within(1e-9));
        assertThat(policy.confidence(0.4)).isEqualTo(0.0);
        assertThat(policy.confidence(0.6)).isCloseTo(1.0, within(1e-9));
        assertThat(policy.confidence(0.7)).isCloseTo(0.5, within(1e-9));
        assertThat(policy.confidence(0.9)).isCloseTo(0.5, within(1e-9));
        assertThat(policy.confidence(1.0)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void calibratedConfidenceIsMeasuredInPercentilesOfTheCalibrationScores() {
        // Scores crowded into [0.5, 0.7]: raw distances would make every decision look unsure.
        double[] crowded = new double[101];
        for (int i = 0; i <= 100; i++) {
            crowded[i] = 0.5 + 0.2 * i / 100;
        }
        ScoreDistribution calibration = new ScoreDistribution(crowded);
        ThresholdPolicy policy = ThresholdPolicy.of(new Thresholds.Shares(0.5, 0.1), calibration);

        assertThat(calibration.percentile(0.55)).isCloseTo(0.25, within(1e-9));
        assertThat(policy.tier(0.55)).isEqualTo(Tier.FAST);
        assertThat(policy.confidence(0.55)).isCloseTo(0.5, within(0.02));
        assertThat(policy.confidence(0.3)).isEqualTo(1.0);
        assertThat(new ThresholdPolicy(policy.balancedAbove(), policy.frontierAbove()).confidence(0.55)).isLessThan(0.1);
    }

    @Test
    void percentileInterpolatesBetweenScoresAndClampsOutside() {
        ScoreDistribution d = new ScoreDistribution(new double[] {0.2, 0.4, 0.6});

        assertThat(d.percentile(0.1)).isEqualTo(0.0);
        assertThat(d.percentile(0.3)).isCloseTo(0.25, within(1e-9));
        assertThat(d.percentile(0.4)).isCloseTo(0.5, within(1e-9));
        assertThat(d.percentile(0.9)).isEqualTo(1.0);
    }

    @Test
    void sharesWithoutCalibrationAreRefused() {
        assertThatThrownBy(() -> ThresholdPolicy.of(new Thresholds.Shares(0.5, 0.1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBandOfZeroWidthIsFullyConfident() {
        ThresholdPolicy policy = new ThresholdPolicy(0.5, 0.5);

        assertThat(policy.tier(0.5)).isEqualTo(Tier.FRONTIER);
        assertThat(new ThresholdPolicy(0.0, 0.5).tier(0.0)).isEqualTo(Tier.BALANCED);
        assertThat(new ThresholdPolicy(0.3, 1.0).confidence(1.0)).isEqualTo(1.0);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> new ThresholdPolicy(0.8, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreDistribution(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreDistribution(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }
}
