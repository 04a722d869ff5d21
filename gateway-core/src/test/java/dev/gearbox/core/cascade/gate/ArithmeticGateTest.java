package dev.gearbox.core.cascade.gate;

import static dev.gearbox.core.cascade.gate.GateTesting.answer;
import static dev.gearbox.core.cascade.gate.GateTesting.ask;
import static dev.gearbox.core.cascade.gate.GateTesting.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.core.cascade.GateVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArithmeticGateTest {
    private final ArithmeticGate gate = new ArithmeticGate(ArithmeticGate.DEFAULT_TOLERANCE);

    private String on(String text) {
        return outcome(gate, ask("q"), answer(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8 x $5 = $40 and $40 + $24 = $64.",
        "The total is 1,200 / 4 = 300 apples.",
        "So 3 × 7 = 21.",
        "Half: 10 / 3 = 3.33 each.",
        "That is 8 * 5 * 60% = 24 dollars.",
        "Rate: 0.5 * 100 = 50%.",
        "Balance: -48 + 21 - 3 = -30 degrees.",
        "Cost: $<<8*5=40>>40 in all.",
        "Annotated: <<(365+3650)/5=803>>803",
    })
    void correctArithmeticIsAccepted(String text) {
        assertThat(on(text)).isEqualTo("accept");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8 x $5 = $41.",
        "$40 + $24 = $74",
        "Cost: $<<8*5=45>>45 in all.",
        "So 2 * $14 + 2 * $10 = $58 for the shirts.",
        "Weekly: <<2100*52=110400>>",
        "The answer is 10 / 3 = 3.5",
    })
    void wrongArithmeticEscalatesAndSaysWhatIsWrong(String text) {
        GateVerdict v = GateTesting.verdict(gate, ask("q"), answer(text));

        assertThat(outcome(v)).isEqualTo("escalate:arithmetic_error");
        assertThat(((GateVerdict.Escalate) v).detail()).contains("but the left side is");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No numbers here at all.",
        "The line 3x + 2y + 4 = 0 has slope -3/2.",
        "21 - 3 = 2 * S, so S = 9.",
        "Divide both sides: 4 / 32 = 32x / 32.",
        "Simplify x - 2 + 3x + 9 - 1 = 87.",
        "On 2023-10-05 we met.",
        "24 / 26 = 0, remainder 24",
    })
    void textWithoutCheckableArithmeticAbstains(String text) {
        assertThat(on(text)).isEqualTo("abstain");
    }

    @Test
    void toleranceAllowsTheRoundingOfTheWrittenResult() {
        ArithmeticGate strict = new ArithmeticGate(0.0);

        assertThat(outcome(strict, ask("q"), answer("1/3 = 0.3"))).isEqualTo("accept");
        assertThat(outcome(strict, ask("q"), answer("1/3 = 0.4"))).isEqualTo("escalate:arithmetic_error");
        assertThat(outcome(new ArithmeticGate(0.1), ask("q"), answer("1/3 = 0.36"))).isEqualTo("accept");
        assertThatThrownBy(() -> new ArithmeticGate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realGsm8kAnswers() {
        List<SharedRows.Row> rows = SharedRows.gsm8k();
        // Mixtral's wrong answer: its own calculator note says 2100*52 is 110400.
        assertThat(on(SharedRows.byId(rows, "gsm8k/201").weakAnswer())).isEqualTo("escalate:arithmetic_error");
        // Its right answer to the glasses question, with GSM8K annotations and dollar signs.
        assertThat(on(SharedRows.byId(rows, "gsm8k/5").weakAnswer())).isEqualTo("accept");

        int goodEscalated = 0;
        int good = 0;
        int badEscalated = 0;
        int bad = 0;
        int strongEscalated = 0;
        for (SharedRows.Row r : rows) {
            boolean escalated = on(r.weakAnswer()).startsWith("escalate");
            if (r.weakScore() >= 1) {
                good++;
                goodEscalated += escalated ? 1 : 0;
            } else {
                bad++;
                badEscalated += escalated ? 1 : 0;
            }
            if (r.strongScore() >= 1 && on(r.strongAnswer()).startsWith("escalate")) {
                strongEscalated++;
            }
        }
        // Measured on the 784 rows: 2 of 491 right weak answers escalated, 39 of 293 wrong ones, no right strong one.
        assertThat((double) goodEscalated / good).as("false alarms on right answers").isLessThan(0.01);
        assertThat((double) badEscalated / bad).as("wrong answers caught").isGreaterThan(0.10);
        assertThat(strongEscalated).as("right strong answers escalated").isLessThanOrEqualTo(1);
    }
}
