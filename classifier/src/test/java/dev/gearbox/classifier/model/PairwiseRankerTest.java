package dev.gearbox.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairwiseRankerTest {

    private static final double[] NO_SIGNAL = {0};

    @Test
    void ordersPromptsWithinAGroupWhateverEachGroupsBaseRate() {
        // two groups with very different base rates; within each, the target rises with the angle
        Random r = new Random(3);
        List<Example> data = new ArrayList<>();
        int[] group = new int[300];
        for (int i = 0; i < group.length; i++) {
            double angle = r.nextDouble() * Math.PI / 2;
            group[i] = i % 2;
            double base = group[i] == 0 ? 0.1 : 0.7;
            data.add(new Example(SyntheticExamples.unit(angle), new double[] {0}, base + 0.2 * angle / (Math.PI / 2)));
        }
        PairwiseRanker ranker = PairwiseRanker.train(data, group, 30, 1e-4, new Random(1));
        double low = ranker.score(SyntheticExamples.unit(0.1), NO_SIGNAL);
        double high = ranker.score(SyntheticExamples.unit(1.4), NO_SIGNAL);
        assertThat(high).isGreaterThan(low + 0.3);
        assertThat(low).isBetween(0.0, 1.0);
        assertThat(high).isBetween(0.0, 1.0);
    }

    @Test
    void isRepeatableForASeed() {
        List<Example> data = SyntheticExamples.halfPlane(80, 4);
        int[] group = new int[80];
        float[] probe = SyntheticExamples.unit(0.7);
        double a = PairwiseRanker.train(data, group, 3, 1e-3, new Random(9)).score(probe, NO_SIGNAL);
        double b = PairwiseRanker.train(data, group, 3, 1e-3, new Random(9)).score(probe, NO_SIGNAL);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void rejectsMissingOrNegativeGroups() {
        List<Example> data = SyntheticExamples.halfPlane(4, 1);
        assertThatThrownBy(() -> PairwiseRanker.train(data, new int[3], 1, 0, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairwiseRanker.train(data, new int[] {0, -1, 0, 0}, 1, 0, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
