package dev.gearbox.providers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApproxTokenizerTest {
    @Test
    void countsOneTokenPerFourCharactersRoundedUp() {
        assertThat(ApproxTokenizer.count(null)).isZero();
        assertThat(ApproxTokenizer.count("")).isZero();
        assertThat(ApproxTokenizer.count("abc")).isEqualTo(1);
        assertThat(ApproxTokenizer.count("abcd")).isEqualTo(1);
        assertThat(ApproxTokenizer.count("abcde")).isEqualTo(2);
    }

    @Test
    void promptAddsMessageFramingAndToolCallText() {
        Message withCall = new Message(Role.ASSISTANT, null, null,
                List.of(ToolCall.function("call_1", "lookup", "{\"q\":1}")), null, Map.of());
        // 3 priming + (4 + 2 for "hello there") + (4 + 2 for "lookup" + 2 for the 7-char arguments)
        assertThat(ApproxTokenizer.countPrompt(List.of(Message.of(Role.USER, "hello there"), withCall)))
                .isEqualTo(3 + 4 + 3 + 4 + 2 + 2);
    }

    @Test
    void piecesSplitTextIntoFourCharacterPiecesThatJoinBack() {
        assertThat(ApproxTokenizer.pieces("{\"a\":12}")).containsExactly("{\"a\"", ":12}");
        assertThat(String.join("", ApproxTokenizer.pieces("{\"abc\":true}"))).isEqualTo("{\"abc\":true}");
    }
}
