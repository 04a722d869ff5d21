package dev.gearbox.providers.gemini;

import static dev.gearbox.providers.gemini.GeminiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiStreamTranslatorTest {
    private final GeminiStreamTranslator translator = new GeminiStreamTranslator("fallback", "gemini-x", 42L);

    private List<ChatChunk> play(String fixture) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (JsonNode event : GeminiFixtures.events(fixture)) {
            ChatChunk chunk = translator.onEvent(event);
            if (chunk != null) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    @Test
    void textDeltasStartWithTheAssistantRoleAndEndWithTheFinishReason() {
        List<ChatChunk> chunks = play("stream-text.sse");

        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo("chatcmpl-s1"));
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        assertThat(chunks.get(1).choices().get(0).delta().role()).isNull();
        assertThat(chunks.stream().map(c -> c.choices().get(0).delta().content()).toList())
                .containsExactly("Paris is", " the capital.", "");
        assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(translator.finished()).isTrue();
        ChatChunk usage = translator.usageChunk();
        assertThat(usage.isUsageOnly()).isTrue();
        assertThat(usage.usage().completionTokens()).isEqualTo(6);
        assertThat(usage.usage().totalTokens()).isEqualTo(18);
    }

    @Test
    void functionCallsGetConsecutiveIndexesAndTheLastChunkSaysToolCalls() {
        List<ChatChunk> chunks = play("stream-function-calls.sse");

        ToolCallDelta paris = chunks.get(1).choices().get(0).delta().toolCalls().get(0);
        ToolCallDelta rome = chunks.get(2).choices().get(0).delta().toolCalls().get(0);
        assertThat(paris).isEqualTo(new ToolCallDelta(0, "call_0", "function", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(rome).isEqualTo(new ToolCallDelta(1, "call_1", "function", "get_weather", "{\"city\":\"Rome\"}"));
        assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void aStreamWithoutAFinishReasonIsNotFinished() {
        translator.onEvent(GeminiFixtures.events("stream-text.sse").get(0));

        assertThat(translator.finished()).isFalse();
    }

    @Test
    void aBlockedPromptEndsTheStreamWithContentFilter() {
        ChatChunk chunk = translator.onEvent(tree("response-blocked.json"));

        assertThat(chunk.choices().get(0).finishReason()).isEqualTo("content_filter");
        assertThat(chunk.choices().get(0).delta().extra().get("refusal").asText()).contains("SAFETY");
        assertThat(translator.finished()).isTrue();
    }

    @Test
    void anEventWithOnlyUsageProducesNoChunkAndNoUsageMeansNoUsageChunk() {
        assertThat(translator.onEvent(tree("{\"candidates\":[]}"))).isNull();
        assertThat(translator.usageChunk()).isNull();
        assertThat(translator.onEvent(tree("{\"usageMetadata\":{\"promptTokenCount\":3}}"))).isNull();
        assertThat(translator.usageChunk().usage().promptTokens()).isEqualTo(3);
    }
}
