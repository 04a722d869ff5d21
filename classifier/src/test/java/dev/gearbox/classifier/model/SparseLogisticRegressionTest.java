package dev.gearbox.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.lexical.HashedBagOfWords;
import dev.gearbox.classifier.lexical.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseLogisticRegressionTest {

    private final HashedBagOfWords bow = new HashedBagOfWords(12);

    @Test
    void learnsWhichWordsMarkHardPrompts() {
        String[] hard = {"prove the theorem", "derive the integral", "prove the lemma rigorously"};
        String[] easy = {"say hello", "name a color", "say thanks politely"};
        Random r = new Random(5);
        List<SparseVector> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean isHard = r.nextBoolean();
            String[] pool = isHard ? hard : easy;
            x.add(bow.of(pool[r.nextInt(pool.length)]));
            y.add(isHard ? 1.0 : 0.0);
        }
        SparseLogisticRegression m = SparseLogisticRegression.train(x,
                y.stream().mapToDouble(Double::doubleValue).toArray(), bow.dimension(), 1e-4, 200);
        assertThat(m.score(bow.of("prove this"))).isGreaterThan(0.65);
        assertThat(m.score(bow.of("say something"))).isLessThan(0.35);
        assertThat(m.score(bow.of("derive the integral"))).isGreaterThan(0.9);
        assertThat(m.dimension()).isEqualTo(bow.dimension());
    }

    @Test
    void anUnseenPromptGetsTheBaseRate() {
        List<SparseVector> x = List.of(bow.of("a"), bow.of("b"), bow.of("c"), bow.of("d"));
        SparseLogisticRegression m = SparseLogisticRegression.train(x, new double[] {1, 1, 1, 0}, bow.dimension(), 1e-2, 300);
        assertThat(m.score(bow.of(""))).isBetween(0.6, 0.9);
    }

    @Test
    void rejectsMismatchedTargets() {
        assertThatThrownBy(() -> SparseLogisticRegression.train(List.of(bow.of("a")), new double[] {1, 0}, 16, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparseLogisticRegression.train(List.of(), new double[0], 16, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
