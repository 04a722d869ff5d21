package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.Usage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gemini {@code usageMetadata} to OpenAI usage: promptTokenCount is prompt_tokens,
 * candidatesTokenCount plus thoughtsTokenCount is completion_tokens (OpenAI counts reasoning as
 * completion, detailed in {@code completion_tokens_details.reasoning_tokens}), totalTokenCount is
 * total_tokens, and cachedContentTokenCount is {@code prompt_tokens_details.cached_tokens}.
 */
final class GeminiUsage {
    private GeminiUsage() {
    }

    /** The usage, or null when {@code metadata} is absent. */
    static Usage from(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        int prompt = metadata.path("promptTokenCount").asInt(0);
        int thoughts = metadata.path("thoughtsTokenCount").asInt(0);
        int completion = metadata.path("candidatesTokenCount").asInt(0) + thoughts;
        int total = metadata.has("totalTokenCount") ? metadata.get("totalTokenCount").asInt() : prompt + completion;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        ObjectNode promptDetails = JsonNodeFactory.instance.objectNode();
        promptDetails.put("cached_tokens", metadata.path("cachedContentTokenCount").asInt(0));
        extra.put("prompt_tokens_details", promptDetails);
        ObjectNode completionDetails = JsonNodeFactory.instance.objectNode();
        completionDetails.put("reasoning_tokens", thoughts);
        extra.put("completion_tokens_details", completionDetails);
        return new Usage(prompt, completion, total, extra);
    }
}
