package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.Tool;
import java.util.List;

/**
 * OpenAI function tools and {@code tool_choice} as Anthropic's: {@code parameters} becomes
 * {@code input_schema}; auto stays auto, none stays none, required becomes any, a named function
 * becomes {@code {"type":"tool","name":...}}; {@code parallel_tool_calls: false} becomes
 * {@code disable_parallel_tool_use}.
 */
final class AnthropicTools {
    private AnthropicTools() {
    }

    static ArrayNode tools(List<Tool> tools) {
        ArrayNode out = AnthropicJson.MAPPER.createArrayNode();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            String param = "tools[" + i + "]";
            if (!"function".equals(t.type())) {
                throw GatewayException.invalid("tool type '" + t.type()
                        + "' is not supported on Anthropic deployments (function is)", param + ".type");
            }
            if (t.name() == null || t.name().isBlank()) {
                throw GatewayException.invalid("a function tool needs a name", param + ".function.name");
            }
            ObjectNode tool = out.addObject();
            tool.put("name", t.name());
            if (t.description() != null) {
                tool.put("description", t.description());
            }
            if (t.parameters() != null && t.parameters().isObject()) {
                tool.set("input_schema", t.parameters());
            } else {
                tool.putObject("input_schema").put("type", "object").putObject("properties");
            }
        }
        return out;
    }

    /** Anthropic's tool_choice, or null to leave Anthropic's default (auto). */
    static ObjectNode toolChoice(JsonNode choice, JsonNode parallelToolCalls) {
        ObjectNode out = AnthropicJson.MAPPER.createObjectNode();
        if (choice == null || choice.isNull()) {
            out.put("type", "auto");
        } else if (choice.isTextual()) {
            switch (choice.asText()) {
                case "auto" -> out.put("type", "auto");
                case "none" -> out.put("type", "none");
                case "required" -> out.put("type", "any");
                default -> throw badChoice();
            }
        } else if (choice.isObject() && choice.path("function").path("name").isTextual()) {
            out.put("type", "tool");
            out.put("name", choice.path("function").path("name").asText());
        } else {
            throw badChoice();
        }
        boolean sequential = parallelToolCalls != null && parallelToolCalls.isBoolean() && !parallelToolCalls.asBoolean();
        if (sequential && !"none".equals(out.path("type").asText())) {
            out.put("disable_parallel_tool_use", true);
        }
        boolean onlyDefault = (choice == null || choice.isNull()) && !sequential;
        return onlyDefault ? null : out;
    }

    private static GatewayException badChoice() {
        return GatewayException.invalid("tool_choice must be \"none\", \"auto\", \"required\" or "
                + "{\"type\":\"function\",\"function\":{\"name\":...}}", "tool_choice");
    }
}
