package dev.gearbox.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.ChunkSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptFilterChunkMergerTest {
    private final List<ChatChunk> seen = new ArrayList<>();
    private final PromptFilterChunkMerger merger = new PromptFilterChunkMerger(new ChunkSink() {
        @Override
        public void onChunk(ChatChunk chunk) {
            seen.add(chunk);
        }

        @Override
        public void onComplete() {
        }

        @Override
        public void onError(GatewayException error) {
        }
    });

    private static ChatChunk text(String content, Map<String, JsonNode> extra) {
        return new ChatChunk("c1", 1, "m", List.of(new ChunkChoice(0, Delta.content(content), null, null)), null, null,
                extra);
    }

    @Test
    void theFilterOnlyChunkRidesOnTheNextOne() {
        JsonNode verdict = JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode());
        merger.onChunk(new ChatChunk("", 0, "", List.of(), null, null, Map.of("prompt_filter_results", verdict)));
        merger.onChunk(text("Hi", Map.of("x", verdict)));
        merger.onChunk(text(" there", Map.of()));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).id()).isEqualTo("c1");
        assertThat(seen.get(0).extra()).containsOnlyKeys("prompt_filter_results", "x");
        assertThat(seen.get(1).extra()).isEmpty();
    }

    @Test
    void theUsageChunkIsNotAFilterChunk() {
        ChatChunk usage = new ChatChunk("c1", 1, "m", List.of(), Usage.of(3, 4), null, Map.of());

        merger.onChunk(usage);

        assertThat(seen).containsExactly(usage);
    }
}
