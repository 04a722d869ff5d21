package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One chat message. {@code content} may be null (an assistant message with only tool calls).
 * Fields Gearbox does not interpret are kept in {@code extra} and forwarded untouched.
 */
public record Message(
        Role role,
        Content content,
        String name,
        List<ToolCall> toolCalls,
        String toolCallId,
        Map<String, JsonNode> extra) {

    public Message {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        extra = Extra.copy(extra);
    }

    public static Message of(Role role, String text) {
        return new Message(role, Content.of(text), null, List.of(), null, Map.of());
    }

    /** The message's text, empty when it has none. */
    public String text() {
        return content == null ? "" : content.text();
    }
}
