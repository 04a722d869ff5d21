package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NestedBlendsTest {

    /** 200 binary rows of one source; the strong model is needed on every third row. */
    private static List<RoutingRow> rows() {
        List<RoutingRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(FoldsTest.row("mmlu", "d" + (i % 10), 0, i % 3 == 0 ? 1 : 0, "binary"));
        }
        return rows;
    }

    @Test
    void outOfFoldNeverScoresARowWithAModelTrainedOnIt() {
        int[] fold = {0, 1, 0, 1, 2};
        BlendMember member = (train, test) -> IntStream.of(test)
                .mapToDouble(i -> IntStream.of(train).anyMatch(t -> t == i) ? -1 : i + 0.5).toArray();
        double[] s = BlendMember.outOfFold(member, 6, new int[] {0, 1, 2, 3, 4}, fold);
        assertThat(s).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5, 0);
    }

    @Test
    void stackingWeighsTheMemberThatRanksTheTrainingRows() {
        List<RoutingRow> rows = rows();
        Random noise = new Random(1);
        double[] random = IntStream.range(0, rows.size()).mapToDouble(i -> noise.nextDouble()).toArray();
        BlendMember oracle = (train, test) -> IntStream.of(test).mapToDouble(i -> rows.get(i).strongScore()).toArray();
        BlendMember guess = (train, test) -> IntStream.of(test).mapToDouble(i -> random[i]).toArray();
        NestedBlends nested = new NestedBlends(rows, 42);
        int[] fold = Folds.rowKFold(rows, 5, 42);
        double[][][] inner = nested.innerScores(List.of(oracle, guess), fold, false);
        double[][] outer = {
            BlendMember.outOfFold(oracle, rows.size(), IntStream.range(0, rows.size()).toArray(), fold),
            BlendMember.outOfFold(guess, rows.size(), IntStream.range(0, rows.size()).toArray(), fold)};
        double[] stacked = nested.stacked(inner, outer, fold, NestedBlends.simplexGrid(2));
        // the chosen weights put every row that needs the strong model above every other row
        double lowestNeeded = IntStream.range(0, rows.size()).filter(i -> rows.get(i).strongNeeded())
                .mapToDouble(i -> stacked[i]).min().orElseThrow();
        double highestOther = IntStream.range(0, rows.size()).filter(i -> !rows.get(i).strongNeeded())
                .mapToDouble(i -> stacked[i]).max().orElseThrow();
        assertThat(lowestNeeded).isGreaterThan(highestOther);
        double[] ranked = nested.rankAverage(inner, outer, fold, 1);
        assertThat(ranked[0]).isGreaterThan(ranked[1]);
    }

    @Test
    void percentileCountsTiesHalf() {
        double[] sorted = {0.1, 0.2, 0.2, 0.4};
        assertThat(NestedBlends.percentile(sorted, 0.0)).isEqualTo(0.0);
        assertThat(NestedBlends.percentile(sorted, 0.2)).isEqualTo(0.5);
        assertThat(NestedBlends.percentile(sorted, 0.3)).isEqualTo(0.75);
        assertThat(NestedBlends.percentile(sorted, 1.0)).isEqualTo(1.0);
    }

    @Test
    void simplexGridCoversEveryWeightingSummingToOne() {
        List<double[]> grid = NestedBlends.simplexGrid(4);
        // C(10 + 3, 3) points at step 0.1
        assertThat(grid).hasSize(286);
        for (double[] w : grid) {
            assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1.0, within(1e-9));
        }
        assertThat(NestedBlends.compositions(2, 2)).containsExactly(new int[] {0, 2}, new int[] {1, 1}, new int[] {2, 0});
    }

    @Test
    void lexicalShareGridSplitsTheRestEqually() {
        List<double[]> grid = NestedBlends.lexicalShareGrid();
        assertThat(grid).hasSize(6);
        assertThat(grid.get(0)).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, within(1e-12));
        assertThat(grid.get(5)).containsExactly(new double[] {0.5 / 3, 0.5 / 3, 0.5 / 3, 0.5}, within(1e-12));
    }
}
