package dev.gearbox.core.model;

/** A complete tool call in an assistant message; {@code arguments} is the JSON text as the model wrote it. */
public record ToolCall(String id, String type, String name, String arguments) {
    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(id, "function", name, arguments);
    }
}
