package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareApgrVariantsTest {

    @Test
    void percentileCountsTiesHalf() {
        double[] sorted = {0.1, 0.2, 0.2, 0.4};
        assertThat(CompareApgrVariants.percentile(sorted, 0.0)).isEqualTo(0.0);
        assertThat(CompareApgrVariants.percentile(sorted, 0.2)).isEqualTo(0.5);
        assertThat(CompareApgrVariants.percentile(sorted, 0.3)).isEqualTo(0.75);
        assertThat(CompareApgrVariants.percentile(sorted, 1.0)).isEqualTo(1.0);
    }

    @Test
    void simplexGridCoversEveryWeightingSummingToOne() {
        List<double[]> grid = CompareApgrVariants.simplexGrid(4);
        // C(10 + 3, 3) points at step 0.1
        assertThat(grid).hasSize(286);
        for (double[] w : grid) {
            assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1.0, within(1e-9));
        }
        assertThat(CompareApgrVariants.compositions(2, 2)).containsExactly(new int[] {0, 2}, new int[] {1, 1}, new int[] {2, 0});
    }

    @Test
    void lexicalShareGridSplitsTheRestEqually() {
        List<double[]> grid = CompareApgrVariants.lexicalShareGrid();
        assertThat(grid).hasSize(6);
        assertThat(grid.get(0)).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, within(1e-12));
        assertThat(grid.get(5)).containsExactly(new double[] {0.5 / 3, 0.5 / 3, 0.5 / 3, 0.5}, within(1e-12));
    }
}
