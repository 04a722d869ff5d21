package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The incremental part of a streamed choice. Any field may be null; {@code extra} keeps the rest (e.g. refusal). */
public record Delta(Role role, String content, List<ToolCallDelta> toolCalls, Map<String, JsonNode> extra) {
    public Delta {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        extra = Extra.copy(extra);
    }

    public static Delta content(String text) {
        return new Delta(null, text, List.of(), Map.of());
    }
}
