package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.Tool;
import java.util.List;

/**
 * OpenAI {@code tools} and {@code tool_choice} to Gemini {@code tools[].functionDeclarations} and
 * {@code toolConfig.functionCallingConfig}: {@code auto} is AUTO, {@code none} NONE, {@code required}
 * ANY, and a named function ANY restricted to that name. Parameter schemas go through
 * {@link GeminiSchemas}. Only function tools exist on this path.
 */
final class GeminiTools {
    private final ObjectMapper mapper;

    GeminiTools(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(List<Tool> tools, JsonNode toolChoice, ObjectNode body) {
        if (!tools.isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (int i = 0; i < tools.size(); i++) {
                declarations.add(declaration(tools.get(i), "tools[" + i + "]"));
            }
        }
        ObjectNode calling = callingConfig(toolChoice, tools.isEmpty());
        if (calling != null) {
            body.putObject("toolConfig").set("functionCallingConfig", calling);
        }
    }

    private ObjectNode declaration(Tool tool, String param) {
        if (!"function".equals(tool.type())) {
            throw GatewayException.invalid("Tool type '" + tool.type() + "' is not supported by Gemini deployments; "
                    + "only function tools are.", param + ".type");
        }
        ObjectNode fn = mapper.createObjectNode();
        fn.put("name", tool.name());
        if (tool.description() != null) {
            fn.put("description", tool.description());
        }
        if (!GeminiSchemas.isEmptyObject(tool.parameters())) {
            fn.set("parameters", GeminiSchemas.sanitize(tool.parameters()));
        }
        return fn;
    }

    /** The function calling config for {@code tool_choice}, or null when the default (AUTO) applies. */
    private ObjectNode callingConfig(JsonNode choice, boolean noTools) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        ObjectNode config = mapper.createObjectNode();
        if (choice.isTextual()) {
            String mode = switch (choice.textValue()) {
                case "auto" -> "AUTO";
                case "none" -> "NONE";
                case "required" -> "ANY";
                default -> throw GatewayException.invalid("Invalid value: '" + choice.textValue()
                        + "'. Supported values are: 'none', 'auto', and 'required'.", "tool_choice");
            };
            if (noTools) {
                return null;
            }
            return config.put("mode", mode);
        }
        String name = choice.path("function").path("name").asText(null);
        if (!choice.isObject() || !"function".equals(choice.path("type").asText()) || name == null) {
            throw GatewayException.invalid("tool_choice must be 'none', 'auto', 'required' or "
                    + "{\"type\":\"function\",\"function\":{\"name\":...}} for Gemini deployments.", "tool_choice");
        }
        if (noTools) {
            throw GatewayException.invalid("tool_choice names function '" + name + "' but no tools were given.",
                    "tool_choice");
        }
        config.put("mode", "ANY");
        config.putArray("allowedFunctionNames").add(name);
        return config;
    }
}
