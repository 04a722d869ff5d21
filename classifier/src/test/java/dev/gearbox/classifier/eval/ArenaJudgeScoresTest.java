package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.classifier.data.RoutingRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArenaJudgeScoresTest {

    @TempDir
    Path dir;

    private static RoutingRow arena(String id, double weak, double strong) {
        return new RoutingRow(id, "arena_bench_v1", "arena", "1-10",
                List.of(new RoutingRow.RowMessage("user", "q")), weak, strong, null, null);
    }

    @Test
    void averagesTheGainWithTheStrongHalfMinusWeakHalfGap() throws IOException {
        Path file = dir.resolve("arena.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"scores\":{\"big\":9,\"mid\":8,\"small\":2,\"tiny\":1}}",
                "{\"id\":\"b\",\"scores\":{\"big\":10,\"mid\":7,\"small\":5,\"tiny\":3}}",
                "{\"id\":\"c\"}",
                ""));
        ArenaJudgeScores judge = ArenaJudgeScores.read(file);
        List<RoutingRow> rows = List.of(arena("a", 5, 8), arena("b", 5, 5), arena("c", 2, 9),
                FoldsTest.row("mmlu", "x", 0, 1, "binary"));
        double[] y = judge.targets(rows, new int[] {0, 1, 2, 3});
        // strength: big 9.5, mid 7.5, small 3.5, tiny 2; row a: halves (9+8)/2 - (2+1)/2 = 7 points
        double gainA = (3.0 / 9 + 1) / 2;
        double gapA = (7.0 / 9 + 1) / 2;
        assertThat(y[0]).isCloseTo((gainA + gapA) / 2, within(1e-12));
        // row b: gain 0, gap (10+7)/2 - (5+3)/2 = 4.5 points
        assertThat(y[1]).isCloseTo((0.5 + (4.5 / 9 + 1) / 2) / 2, within(1e-12));
        assertThat(y[2]).isEqualTo(Target.GAIN.of(rows.get(2)));
        assertThat(y[3]).isEqualTo(1.0);
        assertThat(judge.has(rows.get(0))).isTrue();
        assertThat(judge.has(rows.get(2))).isFalse();
    }

    @Test
    void ranksModelsOnTheTrainingRowsOnly() throws IOException {
        Path file = dir.resolve("arena.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"scores\":{\"p\":10,\"q\":1}}",
                "{\"id\":\"b\",\"scores\":{\"p\":1,\"q\":10}}"));
        ArenaJudgeScores judge = ArenaJudgeScores.read(file);
        List<RoutingRow> rows = List.of(arena("a", 5, 5), arena("b", 5, 5));
        // trained on row a only, p is the stronger model: row b's gap is 1 - 10 = -9 points
        assertThat(judge.targets(rows, new int[] {0})[1]).isCloseTo((0.5 + 0) / 2, within(1e-12));
        // with no training rows there is no strength: plain GAIN
        assertThat(judge.targets(rows, new int[0])[1]).isEqualTo(0.5);
    }
}
