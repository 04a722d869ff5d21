package dev.gearbox.providers.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;

/**
 * The canonical request of every contract scenario. Every provider's fixtures answer these exact
 * requests (and match on the parts that must land in a particular wire field).
 */
final class ContractRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CLIENT_MODEL = "auto";

    static final Tool WEATHER = Tool.function("get_weather", "Current weather for a city",
            json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));

    private ContractRequests() {
    }

    static ChatRequest plain() {
        return ChatRequest.of(CLIENT_MODEL, List.of(user("Say hello.")));
    }

    static ChatRequest multiTurn() {
        return ChatRequest.of(CLIENT_MODEL, List.of(user("My name is Ada."),
                Message.of(Role.ASSISTANT, "Nice to meet you, Ada!"), user("What is my name?")));
    }

    static ChatRequest systemPrompt() {
        return ChatRequest.of(CLIENT_MODEL, List.of(Message.of(Role.SYSTEM, "You are a pirate."), user("Greet me.")));
    }

    static ChatRequest stream(boolean includeUsage) {
        return plain().withStream(true, includeUsage);
    }

    /** One tool, and the model is required to call a tool. */
    static ChatRequest toolCall() {
        return withTools(ChatRequest.of(CLIENT_MODEL, List.of(user("What's the weather in Paris?"))),
                TextNode.valueOf("required"));
    }

    /** One tool that the model (free to choose) calls twice. */
    static ChatRequest parallelToolCalls() {
        return withTools(ChatRequest.of(CLIENT_MODEL, List.of(user("What's the weather in Paris and London?"))),
                TextNode.valueOf("auto"));
    }

    static ChatRequest streamedToolCalls() {
        return parallelToolCalls().withStream(true, false);
    }

    /** The model asked for a tool, the client ran it and sends the result back. */
    static ChatRequest toolResults() {
        Message asked = user("What's the weather in Paris?");
        Message called = new Message(Role.ASSISTANT, null, null,
                List.of(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}")), null, Map.of());
        Message result = new Message(Role.TOOL, Content.of("18 degrees and sunny"), null, List.of(), "call_1", Map.of());
        return withTools(ChatRequest.of(CLIENT_MODEL, List.of(asked, called, result)), TextNode.valueOf("auto"));
    }

    static ChatRequest jsonMode() {
        ChatRequest r = ChatRequest.of(CLIENT_MODEL, List.of(user("Reply with a JSON object holding a greeting.")));
        return new ChatRequest(r.model(), r.messages(), false, false, List.of(), null,
                json("{\"type\":\"json_object\"}"), null, null, null, null, null, null, null, null, null, Map.of());
    }

    static ChatRequest multipleChoices() {
        ChatRequest r = plain();
        return new ChatRequest(r.model(), r.messages(), false, false, List.of(), null, null, null, null, null, null,
                2, null, null, null, null, Map.of());
    }

    static ChatRequest logprobs() {
        ChatRequest r = plain();
        return new ChatRequest(r.model(), r.messages(), false, false, List.of(), null, null, null, null, null, null,
                null, null, null, true, 2, Map.of());
    }

    /** A request that only a provider with {@code capability} can honour (used to check refusals). */
    static ChatRequest using(Capability capability) {
        return switch (capability) {
            case TOOLS -> toolCall();
            case PARALLEL_TOOL_CALLS -> withExtra(parallelToolCalls(), "parallel_tool_calls", BooleanNode.TRUE);
            case JSON_MODE -> jsonMode();
            case MULTIPLE_CHOICES -> multipleChoices();
            case LOGPROBS -> logprobs();
            case WIRE -> plain();
        };
    }

    private static ChatRequest withTools(ChatRequest r, JsonNode toolChoice) {
        return new ChatRequest(r.model(), r.messages(), r.stream(), r.includeUsage(), List.of(WEATHER), toolChoice,
                null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    private static ChatRequest withExtra(ChatRequest r, String key, JsonNode value) {
        return new ChatRequest(r.model(), r.messages(), r.stream(), r.includeUsage(), r.tools(), r.toolChoice(),
                r.responseFormat(), r.temperature(), r.topP(), r.maxTokens(), r.maxCompletionTokens(), r.n(),
                r.stop(), r.seed(), r.logprobs(), r.topLogprobs(), Map.of(key, value));
    }

    private static Message user(String text) {
        return Message.of(Role.USER, text);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
