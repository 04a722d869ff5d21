package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One choice of a complete response; {@code logprobs} is forwarded as the provider sent it (or null).
 * {@code extra} keeps per-choice fields Gearbox does not interpret (e.g. Azure's
 * {@code content_filter_results}) so clients see them unchanged.
 */
public record Choice(int index, Message message, String finishReason, JsonNode logprobs,
                     Map<String, JsonNode> extra) {
    public Choice {
        extra = Extra.copy(extra);
    }

    public Choice(int index, Message message, String finishReason, JsonNode logprobs) {
        this(index, message, finishReason, logprobs, Map.of());
    }
}
