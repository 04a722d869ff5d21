package dev.gearbox.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Azure opens a stream with a chunk that has no choices, no usage, an empty {@code id} and
 * {@code created: 0}, only to carry {@code prompt_filter_results}. OpenAI never sends such a chunk
 * (clients index {@code choices[0]} and expect one id per stream), so its fields ride on the next
 * real chunk instead: clients still see the prompt's filter verdict, on a well-formed chunk.
 */
final class PromptFilterChunkMerger implements ChunkSink {
    private final ChunkSink downstream;
    private Map<String, JsonNode> pending;

    PromptFilterChunkMerger(ChunkSink downstream) {
        this.downstream = downstream;
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        if (chunk.choices().isEmpty() && chunk.usage() == null) {
            if (pending == null) {
                pending = new LinkedHashMap<>();
            }
            pending.putAll(chunk.extra());
            return;
        }
        if (pending != null) {
            Map<String, JsonNode> extra = new LinkedHashMap<>(pending);
            extra.putAll(chunk.extra());
            pending = null;
            chunk = new ChatChunk(chunk.id(), chunk.created(), chunk.model(), chunk.choices(), chunk.usage(),
                    chunk.systemFingerprint(), extra);
        }
        downstream.onChunk(chunk);
    }

    @Override
    public void onComplete() {
        downstream.onComplete();
    }

    @Override
    public void onError(GatewayException error) {
        downstream.onError(error);
    }
}
