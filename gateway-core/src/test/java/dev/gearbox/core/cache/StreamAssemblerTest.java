package dev.gearbox.core.cache;

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

/** A stored answer replayed as chunks and assembled back is the same answer. */
class StreamAssemblerTest {

    @Test
    void replayAndAssemblyRoundTripTextToolCallsAndUsage() {
        Message message = new Message(Role.ASSISTANT, dev.gearbox.core.model.Content.of("x".repeat(700)), null,
                List.of(ToolCall.function("call_1", "weather", "{\"city\":\"Oslo\"}")), null, Map.of());
        ChatResponse answer = new ChatResponse("id-1", 42, "m", List.of(new Choice(0, message, "tool_calls", null)),
                Usage.of(5, 9), "fp", Map.of());

        List<ChatChunk> chunks = AnswerChunks.of(answer, true);
        StreamAssembler assembler = new StreamAssembler();
        chunks.forEach(assembler::add);

        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        assertThat(chunks).filteredOn(c -> !c.choices().isEmpty() && c.choices().get(0).delta().content() != null
                && !c.choices().get(0).delta().content().isEmpty()).hasSize(3);
        assertThat(chunks.get(chunks.size() - 1).isUsageOnly()).isTrue();
        assertThat(assembler.response()).contains(answer);
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunk() {
        ChatResponse answer = CacheTesting.answer("hello");

        assertThat(AnswerChunks.of(answer, false)).noneMatch(ChatChunk::isUsageOnly);
    }

    @Test
    void aStreamWithoutAFinishReasonIsNotComplete() {
        StreamAssembler assembler = new StreamAssembler();
        AnswerChunks.of(CacheTesting.answer("hello"), false).stream()
                .filter(c -> c.choices().get(0).finishReason() == null)
                .forEach(assembler::add);

        assertThat(assembler.response()).isEmpty();
    }
}
