package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates one client message. An explicit {@code "content": null} (assistant turns
 * with tool calls) is kept as a null entry in {@code extra} so it is re-emitted as sent; other
 * unknown fields go to {@code extra} in order.
 */
final class MessageReader {
    private static final String SUPPORTED_ROLES =
            "'system', 'assistant', 'user', 'function', 'tool', and 'developer'";

    private MessageReader() {
    }

    static List<Message> readAll(JsonNode v) {
        if (v == null) {
            throw RequestErrors.missing("messages");
        }
        if (!v.isArray()) {
            throw RequestErrors.invalidType("messages", "an array", v);
        }
        if (v.isEmpty()) {
            throw RequestErrors.emptyArray("messages");
        }
        List<Message> messages = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            messages.add(read(v.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    static Message read(JsonNode m, String param) {
        if (!m.isObject()) {
            throw RequestErrors.invalidType(param, "an object", m);
        }
        Role role = role(m.get("role"), param + ".role");
        Content content = null;
        boolean contentSent = false;
        String name = null;
        List<ToolCall> toolCalls = List.of();
        String toolCallId = null;
        Map<String, JsonNode> extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "role" -> {
                }
                case "content" -> {
                    contentSent = true;
                    if (v.isNull()) {
                        extra = put(extra, "content", NullNode.getInstance());
                    } else {
                        content = ContentReader.read(v, param + ".content");
                    }
                }
                case "name" -> name = Fields.optString(v, param + ".name");
                case "tool_calls" -> toolCalls = toolCalls(v, param + ".tool_calls");
                case "tool_call_id" -> toolCallId = Fields.optString(v, param + ".tool_call_id");
                default -> extra = put(extra, f.getKey(), v);
            }
        }
        if (content == null && role != Role.ASSISTANT && role != Role.FUNCTION) {
            if (!contentSent) {
                throw RequestErrors.missing(param + ".content");
            }
            throw RequestErrors.invalidType(param + ".content", "one of a string or array of objects",
                    NullNode.getInstance());
        }
        if (role == Role.TOOL && toolCallId == null) {
            throw RequestErrors.missing(param + ".tool_call_id");
        }
        return new Message(role, content, name, toolCalls, toolCallId, extra);
    }

    private static Role role(JsonNode v, String param) {
        String wire = Fields.reqString(v, param);
        Role role = Role.fromWire(wire);
        if (role == null) {
            throw RequestErrors.invalidValue(param, "got '" + abbreviate(wire) + "'. Supported values are: "
                    + SUPPORTED_ROLES + ".");
        }
        return role;
    }

    private static List<ToolCall> toolCalls(JsonNode v, String param) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw RequestErrors.invalidType(param, "an array", v);
        }
        List<ToolCall> calls = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            calls.add(toolCall(v.get(i), param + "[" + i + "]"));
        }
        return calls;
    }

    private static ToolCall toolCall(JsonNode c, String param) {
        if (!c.isObject()) {
            throw RequestErrors.invalidType(param, "an object", c);
        }
        String id = Fields.reqString(c.get("id"), param + ".id");
        String type = Fields.reqString(c.get("type"), param + ".type");
        JsonNode fn = c.get(type);
        if (fn == null) {
            throw RequestErrors.missing(param + "." + type);
        }
        if (!fn.isObject()) {
            throw RequestErrors.invalidType(param + "." + type, "an object", fn);
        }
        String name = Fields.reqString(fn.get("name"), param + "." + type + ".name");
        String arguments = Fields.reqString(fn.get("arguments"), param + "." + type + ".arguments");
        return new ToolCall(id, type, name, arguments);
    }

    static Map<String, JsonNode> put(Map<String, JsonNode> extra, String key, JsonNode value) {
        Map<String, JsonNode> m = extra == null ? new LinkedHashMap<>() : extra;
        m.put(key, value);
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
