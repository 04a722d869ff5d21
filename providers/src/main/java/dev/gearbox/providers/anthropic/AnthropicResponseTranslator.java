package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Anthropic message as a one-choice ChatResponse. Pure. Text blocks join into the message text,
 * {@code tool_use} blocks become tool calls in order (or, for JSON mode's own tool, the JSON text);
 * thinking blocks are not part of an OpenAI answer and are left out. Anthropic sends no creation
 * time, so {@code created} is the caller's clock reading.
 */
public final class AnthropicResponseTranslator {
    private AnthropicResponseTranslator() {
    }

    public static ChatResponse read(byte[] body, boolean jsonMode, long created) {
        JsonNode message = AnthropicJson.readUpstream(body, "the response");
        if (!"message".equals(message.path("type").asText()) || !message.path("content").isArray()) {
            throw AnthropicJson.invalid("the response is not a message");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> {
                    String input = block.path("input").isMissingNode() ? "{}" : block.path("input").toString();
                    if (jsonMode && JsonModeTool.NAME.equals(block.path("name").asText())) {
                        text.append(input);
                    } else {
                        calls.add(ToolCall.function(block.path("id").asText(), block.path("name").asText(), input));
                    }
                }
                default -> {
                    // thinking, redacted_thinking and server-side tool blocks have no OpenAI counterpart
                }
            }
        }
        Content content = text.length() == 0 && !calls.isEmpty() ? null : Content.of(text.toString());
        Message answer = new Message(Role.ASSISTANT, content, null, calls, null, Map.of());
        String finish = StopReasons.finishReason(message.path("stop_reason").asText(null), jsonMode);
        Choice choice = new Choice(0, answer, finish == null ? "stop" : finish, null);
        return new ChatResponse(message.path("id").asText(""), created, message.path("model").asText(""),
                List.of(choice), AnthropicUsage.from(message.get("usage")), null, Map.of());
    }
}
