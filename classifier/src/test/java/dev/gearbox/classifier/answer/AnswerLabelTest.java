package dev.gearbox.classifier.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerLabelTest {

    private static RoutingRow row(String scale, double weak, double strong, String answer) {
        return new RoutingRow("t/1", "t", "d", scale, List.of(new RoutingRow.RowMessage("user", "q")), weak, strong, answer, "s");
    }

    @Test
    void binaryRowsAreGoodWhenTheWeakAnswerDidAsWell() {
        assertThat(AnswerLabel.goodEnough(row("binary", 1, 1, "a"))).isEqualTo(1);
        assertThat(AnswerLabel.goodEnough(row("binary", 0, 0, "a"))).isEqualTo(1);
        assertThat(AnswerLabel.goodEnough(row("binary", 1, 0, "a"))).isEqualTo(1);
        assertThat(AnswerLabel.goodEnough(row("binary", 0, 1, "a"))).isEqualTo(0);
    }

    @Test
    void judgeRowsTolerateOnePoint() {
        assertThat(AnswerLabel.goodEnough(row("1-10", 8, 9, "a"))).isEqualTo(1);
        assertThat(AnswerLabel.goodEnough(row("1-10", 7, 9, "a"))).isEqualTo(0);
        assertThat(AnswerLabel.goodEnough(row("1-10", 10, 3, "a"))).isEqualTo(1);
    }

    @Test
    void onlyRowsWithAWeakAnswerAreUsable() {
        assertThat(AnswerLabel.hasWeakAnswer(row("binary", 1, 1, " "))).isFalse();
        assertThat(AnswerLabel.hasWeakAnswer(row("binary", 1, 1, null))).isFalse();
        assertThat(AnswerModelTrainer.usable(List.of(row("binary", 1, 1, null), row("binary", 1, 1, "x")))).hasSize(1);
    }
}
