package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;

/**
 * OpenAI's JSON mode on a Messages API that has none, by the tool trick: the request gets one tool
 * whose input schema is the wanted JSON ({@code json_schema}'s schema, or any object for
 * {@code json_object}) and a {@code tool_choice} that forces it; the answer's tool input is the
 * JSON text. Chosen over an assistant prefill of "{" because it also enforces a schema and works on
 * models that refuse prefills. The tool is Gearbox's own, so a client's tools cannot be combined
 * with JSON mode (refused with {@code param: response_format}).
 */
final class JsonModeTool {
    static final String NAME = "json_response";

    private JsonModeTool() {
    }

    /** True when the request asks for JSON ({@code json_object} or {@code json_schema}). */
    static boolean requested(ChatRequest request) {
        JsonNode format = request.responseFormat();
        if (format == null || format.isNull()) {
            return false;
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text" -> false;
            case "json_object", "json_schema" -> true;
            default -> throw GatewayException.invalid("response_format type '" + type
                    + "' is not supported; use text, json_object or json_schema", "response_format");
        };
    }

    /** The forcing tool definition. */
    static ObjectNode tool(ChatRequest request) {
        ObjectNode tool = AnthropicJson.MAPPER.createObjectNode();
        tool.put("name", NAME);
        tool.put("description", "Respond with the answer as this JSON object.");
        JsonNode schema = request.responseFormat().path("json_schema").get("schema");
        if (schema != null && schema.isObject()) {
            tool.set("input_schema", schema);
        } else {
            tool.putObject("input_schema").put("type", "object");
        }
        return tool;
    }

    static ObjectNode toolChoice() {
        ObjectNode choice = AnthropicJson.MAPPER.createObjectNode();
        choice.put("type", "tool");
        choice.put("name", NAME);
        return choice;
    }
}
