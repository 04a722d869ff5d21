package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI messages as Anthropic's {@code system} + {@code messages}: system and developer messages
 * (wherever they stand) join into the top-level {@code system}; assistant tool calls become
 * {@code tool_use} blocks; tool messages become {@code tool_result} blocks of one user turn
 * (consecutive results share it, as Anthropic wants all results of a turn together).
 */
final class AnthropicMessages {

    /** The translated conversation; {@code system} is null when the request had none. */
    record Translated(String system, ArrayNode messages) {
    }

    private AnthropicMessages() {
    }

    static Translated translate(List<Message> messages) {
        List<String> system = new ArrayList<>();
        ArrayNode out = AnthropicJson.MAPPER.createArrayNode();
        ArrayNode pendingResults = null;
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String param = "messages[" + i + "]";
            if (m.role() == null) {
                throw GatewayException.invalid("message has no role", param + ".role");
            }
            switch (m.role()) {
                case SYSTEM, DEVELOPER -> system.add(textOnly(m.content(), param + ".content"));
                case USER -> {
                    pendingResults = null;
                    out.add(turn("user", userContent(m.content(), param + ".content")));
                }
                case ASSISTANT -> {
                    pendingResults = null;
                    ArrayNode blocks = assistantBlocks(m, param);
                    if (!blocks.isEmpty()) {
                        out.add(turn("assistant", blocks));
                    }
                }
                case TOOL -> {
                    if (pendingResults == null) {
                        pendingResults = AnthropicJson.MAPPER.createArrayNode();
                        out.add(turn("user", pendingResults));
                    }
                    pendingResults.add(toolResult(m, param));
                }
                case FUNCTION -> throw GatewayException.invalid(
                        "the deprecated function role is not supported on Anthropic deployments; use tool messages",
                        param + ".role");
            }
        }
        if (out.isEmpty()) {
            throw GatewayException.invalid("messages must contain at least one user or assistant message", "messages");
        }
        return new Translated(system.isEmpty() ? null : String.join("\n\n", system), out);
    }

    private static ObjectNode turn(String role, JsonNode content) {
        ObjectNode turn = AnthropicJson.MAPPER.createObjectNode();
        turn.put("role", role);
        turn.set("content", content);
        return turn;
    }

    /** A plain string stays a string; parts become text and image blocks. */
    private static JsonNode userContent(Content content, String param) {
        if (content == null) {
            throw GatewayException.invalid("a user message needs content", param);
        }
        if (content instanceof Content.Text t) {
            return AnthropicJson.MAPPER.getNodeFactory().textNode(t.text());
        }
        return blocks(((Content.Parts) content).parts(), param);
    }

    private static ArrayNode blocks(List<ContentPart> parts, String param) {
        ArrayNode blocks = AnthropicJson.MAPPER.createArrayNode();
        for (int j = 0; j < parts.size(); j++) {
            String partParam = param + "[" + j + "]";
            ContentPart part = parts.get(j);
            if (part instanceof ContentPart.Text t) {
                blocks.addObject().put("type", "text").put("text", t.text());
            } else if (part instanceof ContentPart.ImageUrl image) {
                blocks.add(ImageSources.block(image.url(), partParam + ".image_url.url"));
            } else {
                String type = ((ContentPart.Other) part).raw().path("type").asText("?");
                throw GatewayException.invalid("content part type '" + type
                        + "' is not supported on Anthropic deployments (text and image_url are)", partParam);
            }
        }
        return blocks;
    }

    private static ArrayNode assistantBlocks(Message m, String param) {
        ArrayNode blocks = AnthropicJson.MAPPER.createArrayNode();
        String text = textOnly(m.content(), param + ".content");
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        List<ToolCall> calls = m.toolCalls();
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            String callParam = param + ".tool_calls[" + j + "]";
            if (call.id() == null || call.id().isBlank() || call.name() == null || call.name().isBlank()) {
                throw GatewayException.invalid("a tool call needs an id and a function name", callParam);
            }
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", call.id());
            use.put("name", call.name());
            use.set("input", arguments(call.arguments(), callParam + ".function.arguments"));
        }
        return blocks;
    }

    /** The call's arguments as the JSON object Anthropic wants; empty means no arguments. */
    private static JsonNode arguments(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return AnthropicJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode input = AnthropicJson.MAPPER.readTree(arguments);
            if (input != null && input.isObject()) {
                return input;
            }
        } catch (IOException e) {
            // reported below
        }
        throw GatewayException.invalid("tool call arguments must be a JSON object", param);
    }

    private static ObjectNode toolResult(Message m, String param) {
        if (m.toolCallId() == null || m.toolCallId().isBlank()) {
            throw GatewayException.invalid("a tool message needs tool_call_id", param + ".tool_call_id");
        }
        ObjectNode result = AnthropicJson.MAPPER.createObjectNode();
        result.put("type", "tool_result");
        result.put("tool_use_id", m.toolCallId());
        if (m.content() instanceof Content.Parts parts) {
            result.set("content", blocks(parts.parts(), param + ".content"));
        } else {
            result.put("content", m.text());
        }
        return result;
    }

    /** System and assistant content: text, or text parts only. */
    private static String textOnly(Content content, String param) {
        if (content instanceof Content.Parts parts) {
            for (int j = 0; j < parts.parts().size(); j++) {
                if (!(parts.parts().get(j) instanceof ContentPart.Text)) {
                    throw GatewayException.invalid("only text parts are supported here on Anthropic deployments",
                            param + "[" + j + "]");
                }
            }
        }
        return content == null ? "" : content.text();
    }
}
