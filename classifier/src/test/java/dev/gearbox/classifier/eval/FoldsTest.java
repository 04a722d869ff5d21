package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldsTest {

    static RoutingRow row(String source, String domain, double weak, double strong, String scale) {
        return new RoutingRow(source + "/" + domain, source, domain, scale,
                List.of(new RoutingRow.RowMessage("user", "q")), weak, strong, null, null);
    }

    private static List<RoutingRow> rows() {
        List<RoutingRow> rows = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            for (int i = 0; i <= g; i++) {
                rows.add(row(g < 6 ? "mmlu" : "gsm8k", "d" + g, 0, 1, "binary"));
            }
        }
        return rows;
    }

    @Test
    void groupedFoldsKeepEachGroupTogetherAndBalanceSizes() {
        List<RoutingRow> rows = rows();
        int[] fold = Folds.groupedKFold(rows, 3, 42);
        Map<String, Integer> foldOfGroup = new HashMap<>();
        int[] sizes = new int[3];
        for (int i = 0; i < rows.size(); i++) {
            Integer previous = foldOfGroup.putIfAbsent(rows.get(i).group(), fold[i]);
            assertThat(previous == null || previous == fold[i]).isTrue();
            sizes[fold[i]]++;
        }
        assertThat(Folds.count(fold)).isEqualTo(3);
        assertThat(sizes).containsExactly(26, 26, 26);
        assertThat(Folds.groupedKFold(rows, 3, 42)).containsExactly(fold);
    }

    @Test
    void leaveOneSourceOutMakesOneFoldPerSource() {
        List<RoutingRow> rows = rows();
        int[] fold = Folds.leaveOneSourceOut(rows);
        assertThat(Folds.count(fold)).isEqualTo(2);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(fold[i]).isEqualTo(rows.get(i).source().equals("mmlu") ? 0 : 1);
        }
    }

    @Test
    void rowFoldsSpreadRowsEvenly() {
        int[] fold = Folds.rowKFold(rows(), 4, 1);
        int[] sizes = new int[4];
        for (int f : fold) {
            sizes[f]++;
        }
        assertThat(sizes).containsOnly(78 / 4, 78 / 4 + 1);
    }

    @Test
    void targetsFollowTheScale() {
        assertThat(Target.HARD.of(row("mmlu", "x", 0, 1, "binary"))).isEqualTo(1);
        assertThat(Target.HARD.of(row("mmlu", "x", 1, 1, "binary"))).isZero();
        assertThat(Target.SOFT.of(row("arena", "x", 6, 7.5, "1-10"))).isEqualTo(0.5);
        assertThat(Target.SOFT.of(row("arena", "x", 8, 2, "1-10"))).isZero();
        assertThat(Target.HARD.of(row("arena", "x", 6, 7.5, "1-10"))).isEqualTo(1);
        assertThat(Target.GAIN.of(row("mmlu", "x", 0, 0, "binary"))).isEqualTo(0.5);
        assertThat(Target.GAIN.of(row("mmlu", "x", 1, 0, "binary"))).isZero();
        assertThat(Target.GAIN.of(row("arena", "x", 1, 10, "1-10"))).isEqualTo(1);
        assertThat(Target.WEAK_FAILS.of(row("mmlu", "x", 0, 0, "binary"))).isEqualTo(1);
        assertThat(Target.WEAK_FAILS.of(row("arena", "x", 10, 1, "1-10"))).isZero();
    }
}
