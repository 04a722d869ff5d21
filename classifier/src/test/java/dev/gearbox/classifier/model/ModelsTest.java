package dev.gearbox.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    private static final double[] NO_SIGNAL = {0};

    @Test
    void knnAveragesTheNearestTargetsWeightedBySimilarity() {
        float[][] e = {SyntheticExamples.unit(0), SyntheticExamples.unit(0.1), SyntheticExamples.unit(Math.PI)};
        WeightedKnn knn = new WeightedKnn(e, new double[] {1, 0, 1}, 2, 1);
        double s = knn.score(SyntheticExamples.unit(0.02), NO_SIGNAL);
        // the two nearest are targets 1 (cos ~1.0) and 0 (cos ~0.997): just above one half
        assertThat(s).isBetween(0.5, 0.51);
        assertThat(new WeightedKnn(e, new double[] {1, 0, 1}, 1, 1).score(SyntheticExamples.unit(3.1), NO_SIGNAL))
                .isEqualTo(1.0, within(1e-6));
        assertThatThrownBy(() -> new WeightedKnn(e, new double[] {1}, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logisticRegressionLearnsALinearBoundary() {
        RoutingModel lr = LogisticRegression.family(1e-4, 300).fit(SyntheticExamples.halfPlane(200, 1));
        assertThat(lr.score(SyntheticExamples.unit(Math.PI / 2), NO_SIGNAL)).isGreaterThan(0.9);
        assertThat(lr.score(SyntheticExamples.unit(-Math.PI / 2), NO_SIGNAL)).isLessThan(0.1);
    }

    @Test
    void mlpLearnsWhatALinearModelCannot() {
        List<Example> data = SyntheticExamples.quadrants(400, 2);
        RoutingModel mlp = Mlp.family(8, 60, 0, 7).fit(data);
        RoutingModel lr = LogisticRegression.family(0, 200).fit(data);
        assertThat(accuracy(mlp, data)).isGreaterThan(0.9);
        assertThat(accuracy(lr, data)).isLessThan(0.75);
    }

    @Test
    void mlpTrainingIsRepeatableForASeed() {
        List<Example> data = SyntheticExamples.quadrants(100, 3);
        float[] probe = SyntheticExamples.unit(1.0);
        double a = Mlp.family(4, 5, 1e-4, 9).fit(data).score(probe, NO_SIGNAL);
        double b = Mlp.family(4, 5, 1e-4, 9).fit(data).score(probe, NO_SIGNAL);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void blendWeighsItsParts() {
        RoutingModel one = (e, s) -> 1.0;
        RoutingModel zero = (e, s) -> 0.0;
        assertThat(new Blend(one, zero, 0.3).score(new float[2], NO_SIGNAL)).isCloseTo(0.3, within(1e-12));
    }

    private static double accuracy(RoutingModel m, List<Example> data) {
        long right = data.stream().filter(x -> (m.score(x.embedding(), x.signals()) > 0.5) == (x.target() > 0.5)).count();
        return (double) right / data.size();
    }
}
