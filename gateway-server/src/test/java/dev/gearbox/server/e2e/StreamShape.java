package dev.gearbox.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.List;

/** The shape every OpenAI stream with {@code include_usage} must have, as the SDK parsed it. */
final class StreamShape {
    private StreamShape() {
    }

    /**
     * Role in the first delta, a finish reason on the last chunk with choices, and exactly one
     * final chunk with no choices that carries the usage.
     */
    static void assertWellFormed(List<ChatCompletionChunk> chunks) {
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chunks.get(0).choices().get(0).delta().role()).hasValue(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        List<ChatCompletionChunk> withChoices = chunks.stream().filter(c -> !c.choices().isEmpty()).toList();
        List<ChatCompletionChunk> usageOnly = chunks.stream().filter(c -> c.choices().isEmpty()).toList();
        assertThat(withChoices.get(withChoices.size() - 1).choices().get(0).finishReason()).isPresent();
        assertThat(withChoices.subList(0, withChoices.size() - 1))
                .allSatisfy(c -> assertThat(c.choices().get(0).finishReason()).isEmpty());
        assertThat(usageOnly).hasSize(1);
        assertThat(chunks.get(chunks.size() - 1)).isSameAs(usageOnly.get(0));
        assertThat(usageOnly.get(0).usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
    }

    /** The content deltas of choice 0, concatenated. */
    static String text(List<ChatCompletionChunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ChatCompletionChunk c : chunks) {
            if (!c.choices().isEmpty()) {
                c.choices().get(0).delta().content().ifPresent(sb::append);
            }
        }
        return sb.toString();
    }
}
