package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Token usage. {@code extra} keeps provider details such as {@code prompt_tokens_details}
 * and {@code completion_tokens_details} so clients see them unchanged.
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens, Map<String, JsonNode> extra) {
    public Usage {
        extra = Extra.copy(extra);
    }

    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, Map.of());
    }
}
