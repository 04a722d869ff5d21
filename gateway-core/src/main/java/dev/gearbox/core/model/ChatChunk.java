package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One streamed chunk ({@code chat.completion.chunk}). With {@code stream_options.include_usage}
 * the last chunk has no choices and carries {@code usage}; otherwise {@code usage} is null.
 */
public record ChatChunk(
        String id,
        long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        String systemFingerprint,
        Map<String, JsonNode> extra) {

    public ChatChunk {
        choices = List.copyOf(choices);
        extra = Extra.copy(extra);
    }

    /** True for the usage-only chunk that ends an include_usage stream. */
    public boolean isUsageOnly() {
        return choices.isEmpty() && usage != null;
    }
}
