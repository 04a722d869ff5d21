package dev.gearbox.core.model;

/**
 * A fragment of a tool call in a stream. {@code index} identifies the call across chunks;
 * id, type and name usually arrive only in the first fragment, arguments piece by piece.
 */
public record ToolCallDelta(int index, String id, String type, String name, String arguments) {
}
