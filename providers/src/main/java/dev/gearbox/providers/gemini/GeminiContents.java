package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.ToolCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI messages to Gemini {@code systemInstruction} and {@code contents}. System and developer
 * messages, wherever they stand, join the system instruction; {@code assistant} becomes {@code model};
 * tool results become {@code functionResponse} parts of a {@code user} turn, named after the
 * assistant tool call they answer (Gemini matches results by name, not id). Consecutive messages of
 * the same Gemini role are merged into one turn, so parallel tool results travel together.
 */
final class GeminiContents {
    private static final String DATA_URL = "data:";

    private final ObjectMapper mapper;

    GeminiContents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Adds {@code systemInstruction} (when any) and {@code contents} to {@code body}. */
    void write(List<Message> messages, ObjectNode body) {
        ArrayNode system = mapper.createArrayNode();
        ArrayNode contents = mapper.createArrayNode();
        Map<String, String> toolNames = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String param = "messages[" + i + "]";
            switch (m.role()) {
                case SYSTEM, DEVELOPER -> system.addAll(parts(m.content(), param));
                case USER -> append(contents, "user", parts(m.content(), param));
                case ASSISTANT -> append(contents, "model", assistantParts(m, param, toolNames));
                case TOOL -> append(contents, "user", toolResult(m, param, toolNames));
                case FUNCTION -> append(contents, "user", functionResult(m.name(), m, param));
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", system);
        }
        if (contents.isEmpty()) {
            throw GatewayException.invalid("Gemini needs at least one user or assistant message besides the "
                    + "system prompt.", "messages");
        }
        body.set("contents", contents);
    }

    private void append(ArrayNode contents, String role, ArrayNode parts) {
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        ObjectNode turn = contents.addObject();
        turn.put("role", role);
        turn.set("parts", parts);
    }

    private ArrayNode parts(Content content, String param) {
        ArrayNode parts = mapper.createArrayNode();
        if (content instanceof Content.Text t) {
            parts.addObject().put("text", t.text());
        } else if (content instanceof Content.Parts p) {
            for (int j = 0; j < p.parts().size(); j++) {
                parts.add(part(p.parts().get(j), param + ".content[" + j + "]"));
            }
        }
        return parts;
    }

    private ObjectNode part(ContentPart part, String param) {
        if (part instanceof ContentPart.Text t) {
            return mapper.createObjectNode().put("text", t.text());
        }
        if (part instanceof ContentPart.ImageUrl image) {
            return inlineImage(image.url(), param + ".image_url.url");
        }
        String type = ((ContentPart.Other) part).raw().path("type").asText("unknown");
        throw GatewayException.invalid("Content part type '" + type + "' is not supported by Gemini deployments; "
                + "send text and images (as data URLs).", param + ".type");
    }

    /** {@code data:<mime>;base64,<data>} as {@code inlineData}; Gemini cannot fetch an arbitrary image URL. */
    private ObjectNode inlineImage(String url, String param) {
        int comma = url == null ? -1 : url.indexOf(',');
        if (url == null || !url.startsWith(DATA_URL) || comma < 0) {
            throw GatewayException.invalid("Gemini deployments accept images only as base64 data URLs "
                    + "(data:image/png;base64,...), not by link.", param);
        }
        String meta = url.substring(DATA_URL.length(), comma);
        if (!meta.endsWith(";base64")) {
            throw GatewayException.invalid("Image data URLs must be base64-encoded (data:<mime>;base64,...).", param);
        }
        String mime = meta.substring(0, meta.length() - ";base64".length());
        ObjectNode part = mapper.createObjectNode();
        ObjectNode inline = part.putObject("inlineData");
        inline.put("mimeType", mime.isEmpty() ? "application/octet-stream" : mime);
        inline.put("data", url.substring(comma + 1));
        return part;
    }

    private ArrayNode assistantParts(Message m, String param, Map<String, String> toolNames) {
        boolean noText = m.content() == null || m.content() instanceof Content.Text && m.text().isEmpty();
        ArrayNode parts = noText ? mapper.createArrayNode() : parts(m.content(), param);
        List<ToolCall> calls = m.toolCalls();
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            String callParam = param + ".tool_calls[" + j + "]";
            if (call.name() == null || call.name().isEmpty()) {
                throw GatewayException.invalid("Missing required parameter: '" + callParam + ".function.name'.",
                        callParam + ".function.name");
            }
            if (call.id() != null) {
                toolNames.put(call.id(), call.name());
            }
            ObjectNode part = parts.addObject();
            ObjectNode fn = part.putObject("functionCall");
            fn.put("name", call.name());
            fn.set("args", arguments(call.arguments(), callParam + ".function.arguments"));
            String signature = GeminiToolCallIds.thoughtSignature(call.id());
            if (signature != null) {
                part.put("thoughtSignature", signature);
            }
        }
        if (parts.isEmpty()) {
            parts.addObject().put("text", "");
        }
        return parts;
    }

    private JsonNode arguments(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode args = mapper.readTree(arguments);
            if (args != null && args.isObject()) {
                return args;
            }
        } catch (JsonProcessingException notJson) {
            // reported below with the same words as a non-object
        }
        throw GatewayException.invalid("Tool call arguments must be a JSON object for Gemini deployments.", param);
    }

    private ArrayNode toolResult(Message m, String param, Map<String, String> toolNames) {
        String name = m.toolCallId() == null ? null : toolNames.get(m.toolCallId());
        if (name == null) {
            throw GatewayException.invalid("Tool message answers tool_call_id '" + m.toolCallId()
                    + "', which no earlier assistant message called; Gemini needs the function's name.",
                    param + ".tool_call_id");
        }
        return functionResult(name, m, param);
    }

    /** A {@code functionResponse}: a JSON-object result as it is, anything else wrapped as {@code {"result": ...}}. */
    private ArrayNode functionResult(String name, Message m, String param) {
        if (name == null || name.isEmpty()) {
            throw GatewayException.invalid("Missing required parameter: '" + param + ".name'.", param + ".name");
        }
        ArrayNode parts = mapper.createArrayNode();
        ObjectNode fn = parts.addObject().putObject("functionResponse");
        fn.put("name", name);
        fn.set("response", result(m.text()));
        return parts;
    }

    private JsonNode result(String text) {
        try {
            JsonNode parsed = mapper.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
            if (parsed != null && !parsed.isMissingNode()) {
                return mapper.createObjectNode().set("result", parsed);
            }
        } catch (JsonProcessingException notJson) {
            // plain text result
        }
        return mapper.createObjectNode().put("result", text);
    }

}
