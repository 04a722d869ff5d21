package dev.gearbox.classifier.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswerSignalsTest {

    private static AnswerSignals of(RoutingRow row) {
        return AnswerSignals.of(AnswerEmbeddings.promptText(row), row.weakAnswer());
    }

    @Test
    void aGsm8kAnswerWithWrongCalculatorStepsCountsThem() {
        // "2 * 20 - 64 = <<2*20-64=8>>8" and "80/100 * 2 * 20 = <<...=64>>64" are both wrong
        AnswerSignals s = of(SharedAnswerRows.byId("gsm8k.train.jsonl", "gsm8k/1066"));

        assertThat(s.wrongArithmeticLines()).isEqualTo(2);
        assertThat(s.arithmeticLines()).isGreaterThan(2);
        assertThat(s.hasFinalNumber()).isTrue();
        assertThat(s.refusal()).isFalse();
        assertThat(s.toFeatures()).hasSize(AnswerSignals.COUNT);
    }

    @Test
    void aGsm8kAnswerWithSoundArithmeticHasNoWrongLine() {
        AnswerSignals s = of(SharedAnswerRows.byId("gsm8k.train.jsonl", "gsm8k/5"));

        assertThat(s.arithmeticLines()).isGreaterThanOrEqualTo(3);
        assertThat(s.wrongArithmeticLines()).isZero();
        assertThat(s.endsMidSentence()).isFalse();
    }

    @Test
    void anArenaAnswerOpeningWithARefusalIsFlagged() {
        AnswerSignals s = of(SharedAnswerRows.byId("arena_bench_v1.jsonl", "arena_bench_v1/e881f630d9c1438da87bea55386673f5"));

        assertThat(s.refusal()).isTrue();
        assertThat(s.answerChars()).isGreaterThan(100);
    }

    @Test
    void everyRealRowGivesFiniteFeatures() {
        for (String file : new String[] {"gsm8k.train.jsonl", "arena_bench_v1.jsonl"}) {
            for (RoutingRow row : AnswerModelTrainer.usable(SharedAnswerRows.read(file))) {
                double[] features = of(row).toFeatures();
                assertThat(features).as(row.id()).hasSize(AnswerSignals.COUNT);
                assertThat(Arrays.stream(features).allMatch(Double::isFinite)).as(row.id()).isTrue();
            }
        }
    }

    @Test
    void hedgesFinalNumbersAndCutOffAnswersAreRead() {
        AnswerSignals echo = AnswerSignals.of("Tom has 12 apples and eats 3. How many are left?",
                "I think it is probably 12.");
        AnswerSignals cut = AnswerSignals.of("Explain TCP.", "TCP is a protocol that");

        assertThat(echo.hedges()).isEqualTo(2);
        assertThat(echo.finalNumberInPrompt()).isTrue();
        assertThat(echo.endsMidSentence()).isFalse();
        assertThat(cut.endsMidSentence()).isTrue();
        assertThat(cut.hasFinalNumber()).isFalse();
        assertThat(AnswerSignals.of("q", "").endsMidSentence()).isFalse();
    }

    @Test
    void theFinalNumberIsNormalized() {
        assertThat(AnswerSignals.lastNumber("so the total is 1,250.50 dollars")).isEqualTo("1250.5");
        assertThat(AnswerSignals.lastNumber("#### 64.00")).isEqualTo("64");
        assertThat(AnswerSignals.lastNumber("no numbers")).isNull();
    }
}
