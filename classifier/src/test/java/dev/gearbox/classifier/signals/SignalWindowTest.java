package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.classifier.embed.TokenCounter;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalWindowTest {

    @Test
    void aPromptWithinTheWindowIsCountedWhole() {
        String prompt = "x".repeat(SignalWindow.MAX_CHARS);
        SignalWindow window = SignalWindow.of(prompt);
        assertThat(window.text()).isSameAs(prompt);
        assertThat(window.scaled(7)).isEqualTo(7);
    }

    @Test
    void aLongerPromptIsCountedOnItsStartAndEndAndScaled() {
        String prompt = "START " + "y".repeat(SignalWindow.MAX_CHARS * 10) + " END";
        SignalWindow window = SignalWindow.of(prompt);
        assertThat(window.text()).startsWith("START ").endsWith(" END").hasSize(SignalWindow.MAX_CHARS + 1);
        assertThat(window.scale()).isCloseTo((double) prompt.length() / (SignalWindow.MAX_CHARS + 1), within(1e-9));
        assertThat(window.scaled(10)).isEqualTo((int) Math.round(10 * window.scale()));
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        int half = SignalWindow.MAX_CHARS / 2;
        String emoji = "\uD83D\uDE00";
        String prompt = "a".repeat(half - 1) + emoji + "b".repeat(SignalWindow.MAX_CHARS * 2) + emoji + "c".repeat(half - 1);
        String text = SignalWindow.of(prompt).text();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                assertThat(Character.isLowSurrogate(text.charAt(i + 1))).as("pair at %d", i).isTrue();
            } else if (Character.isLowSurrogate(text.charAt(i))) {
                assertThat(Character.isHighSurrogate(text.charAt(i - 1))).as("pair at %d", i).isTrue();
            }
        }
    }

    @Test
    void signalsOfAHugePromptEstimateTheWholeCounts() {
        String sentence = "Is 12 + 30 = 42 in Python? ";
        String prompt = sentence.repeat(30_000); // about 800k characters, far past the window
        RequestSignals s = Signals.of(ChatRequest.of("auto", List.of(Message.of(Role.USER, prompt))));
        assertThat((double) s.numbers()).isCloseTo(90_000, within(900.0));
        assertThat((double) s.questions()).isCloseTo(30_000, within(300.0));
        assertThat((double) s.domainHits().get(Domain.CODE.ordinal())).isCloseTo(30_000, within(300.0));
        double exactTokens = TokenCounter.count(prompt);
        assertThat((double) s.promptTokens()).isCloseTo(exactTokens, within(exactTokens * 0.01));
    }
}
