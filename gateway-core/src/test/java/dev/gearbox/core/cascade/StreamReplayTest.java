package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.model.AnswerChunks;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamReplayTest {
    private static ChatResponse answer(Message message, String finish, Usage usage) {
        return new ChatResponse("chatcmpl-1", 7, "model-x", List.of(new Choice(0, message, finish, null)), usage, "fp",
                Map.of());
    }

    @Test
    void textBecomesRoleContentFinishAndUsageChunks() {
        String text = "a".repeat(300) + "\uD83D\uDE00" + "b".repeat(10);
        List<ChatChunk> chunks = AnswerChunks.of(answer(Message.of(Role.ASSISTANT, text), "stop", Usage.of(3, 4)), true);

        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.id()).isEqualTo("chatcmpl-1");
            assertThat(c.model()).isEqualTo("model-x");
        });
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        StringBuilder replayed = new StringBuilder();
        chunks.stream().filter(c -> !c.choices().isEmpty()).forEach(c -> {
            String piece = c.choices().get(0).delta().content();
            if (piece != null) {
                replayed.append(piece);
            }
        });
        assertThat(replayed.toString()).isEqualTo(text);
        assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(chunks.get(chunks.size() - 1).isUsageOnly()).isTrue();
        assertThat(chunks.get(chunks.size() - 1).usage()).isEqualTo(Usage.of(3, 4));
    }

    @Test
    void toolCallsAreReplayedWholeAndUsageOnlyWhenAsked() {
        Message calls = new Message(Role.ASSISTANT, null, null,
                List.of(ToolCall.function("c1", "get_weather", "{\"city\":\"Paris\"}")), null, Map.of());
        List<ChatChunk> chunks = AnswerChunks.of(answer(calls, "tool_calls", Usage.of(1, 1)), false);

        assertThat(chunks).hasSize(3);
        var delta = chunks.get(1).choices().get(0).delta().toolCalls().get(0);
        assertThat(delta.index()).isZero();
        assertThat(delta.id()).isEqualTo("c1");
        assertThat(delta.name()).isEqualTo("get_weather");
        assertThat(delta.arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("tool_calls");
        assertThat(chunks).noneMatch(ChatChunk::isUsageOnly);
    }
}
