package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.Tool;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code tools} array. Function tools are typed; members of {@code function} that
 * Gearbox does not know are kept under {@code extra["function"]} (an object of just those
 * members) and merged back on write. Other tool types keep everything but {@code type} in extra.
 */
final class ToolReader {
    private ToolReader() {
    }

    static List<Tool> readAll(JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw RequestErrors.invalidType("tools", "an array", v);
        }
        List<Tool> tools = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            tools.add(read(v.get(i), "tools[" + i + "]"));
        }
        return tools;
    }

    private static Tool read(JsonNode t, String param) {
        if (!t.isObject()) {
            throw RequestErrors.invalidType(param, "an object", t);
        }
        String type = Fields.reqString(t.get("type"), param + ".type");
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        if (!"function".equals(type)) {
            copyExcept(t, "type", null, extra);
            return new Tool(type, null, null, null, null, extra);
        }
        JsonNode fn = t.get("function");
        if (fn == null) {
            throw RequestErrors.missing(param + ".function");
        }
        if (!fn.isObject()) {
            throw RequestErrors.invalidType(param + ".function", "an object", fn);
        }
        String fp = param + ".function";
        String name = Fields.reqString(fn.get("name"), fp + ".name");
        String description = Fields.optString(fn.get("description"), fp + ".description");
        JsonNode parameters = Fields.optObject(fn.get("parameters"), fp + ".parameters");
        Boolean strict = Fields.optBoolean(fn.get("strict"), fp + ".strict");
        copyExcept(t, "type", "function", extra);
        ObjectNode unknownFnMembers = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = fn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "name", "description", "parameters", "strict" -> {
                }
                default -> {
                    if (unknownFnMembers == null) {
                        unknownFnMembers = ((ObjectNode) fn).objectNode();
                    }
                    unknownFnMembers.set(f.getKey(), f.getValue());
                }
            }
        }
        if (unknownFnMembers != null) {
            extra.put("function", unknownFnMembers);
        }
        return new Tool(type, name, description, parameters, strict, extra);
    }

    private static void copyExcept(JsonNode from, String skipA, String skipB, Map<String, JsonNode> to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals(skipA) && !f.getKey().equals(skipB)) {
                to.put(f.getKey(), f.getValue());
            }
        }
    }
}
