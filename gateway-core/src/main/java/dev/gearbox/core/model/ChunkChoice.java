package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One choice in a streamed chunk. {@code finishReason} is null except on the choice's last chunk.
 * {@code extra} keeps per-choice fields Gearbox does not interpret (e.g. Azure's
 * {@code content_filter_results}) so clients see them unchanged.
 */
public record ChunkChoice(int index, Delta delta, String finishReason, JsonNode logprobs,
                          Map<String, JsonNode> extra) {
    public ChunkChoice {
        extra = Extra.copy(extra);
    }

    public ChunkChoice(int index, Delta delta, String finishReason, JsonNode logprobs) {
        this(index, delta, finishReason, logprobs, Map.of());
    }
}
