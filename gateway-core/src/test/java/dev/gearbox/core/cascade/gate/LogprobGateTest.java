package dev.gearbox.core.cascade.gate;

import static dev.gearbox.core.cascade.gate.GateTesting.answer;
import static dev.gearbox.core.cascade.gate.GateTesting.ask;
import static dev.gearbox.core.cascade.gate.GateTesting.outcome;
import static dev.gearbox.core.cascade.gate.GateTesting.withLogprobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.core.model.ChatResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LogprobGateTest {
    private final LogprobGate gate = new LogprobGate(-1.2, -6.0);

    private static ChatResponse tokens(double... logprobs) {
        StringBuilder json = new StringBuilder("{\"content\":[");
        for (int i = 0; i < logprobs.length; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"token\":\"t%d\",\"logprob\":%f,\"bytes\":[116],\"top_logprobs\":[]}", i, logprobs[i]));
        }
        return withLogprobs("text", json.append("],\"refusal\":null}").toString());
    }

    @Test
    void aConfidentAnswerIsAccepted() {
        assertThat(outcome(gate, ask("q"), tokens(-0.01, -0.3, -1.5, -0.2))).isEqualTo("accept");
    }

    @Test
    void aLowMeanEscalates() {
        assertThat(outcome(gate, ask("q"), tokens(-1.0, -1.5, -2.0))).isEqualTo("escalate:low_mean_logprob");
    }

    @Test
    void oneVeryUnlikelyTokenEscalates() {
        assertThat(outcome(gate, ask("q"), tokens(-0.01, -0.01, -0.01, -0.01, -0.01, -0.01, -7.0)))
                .isEqualTo("escalate:low_token_logprob");
    }

    @Test
    void withoutLogprobsItAbstains() {
        assertThat(outcome(gate, ask("q"), answer("text"))).isEqualTo("abstain");
        assertThat(outcome(gate, ask("q"), withLogprobs("text", "{\"content\":[]}"))).isEqualTo("abstain");
        assertThat(outcome(gate, ask("q"), withLogprobs("text", "{\"content\":null}"))).isEqualTo("abstain");
    }

    @Test
    void itAsksForLogprobsAndRejectsPositiveThresholds() {
        assertThat(gate.needsLogprobs()).isTrue();
        assertThatThrownBy(() -> new LogprobGate(0.5, -6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogprobGate(-1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
