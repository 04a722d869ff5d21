package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The canonical chat request. Generation parameters Gearbox reasons about are typed (null when
 * the client did not send them); every other field is kept in {@code extra}, in order, and
 * forwarded untouched so a new OpenAI parameter never breaks a client.
 *
 * @param model         what the client asked for: {@code auto}, a tier name or a deployment name
 * @param toolChoice    OpenAI's tool_choice as sent (string or object), or null
 * @param responseFormat OpenAI's response_format as sent, or null
 * @param maxTokens     {@code max_tokens} as sent, or null
 * @param maxCompletionTokens {@code max_completion_tokens} as sent, or null
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        boolean stream,
        boolean includeUsage,
        List<Tool> tools,
        JsonNode toolChoice,
        JsonNode responseFormat,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Integer n,
        List<String> stop,
        Long seed,
        Boolean logprobs,
        Integer topLogprobs,
        Map<String, JsonNode> extra) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        stop = stop == null ? null : List.copyOf(stop);
        extra = Extra.copy(extra);
    }

    /** A minimal request, mostly for tests and internal calls (judge, LLM classifier). */
    public static ChatRequest of(String model, List<Message> messages) {
        return new ChatRequest(model, messages, false, false, List.of(), null, null, null, null, null, null,
                null, null, null, null, null, Map.of());
    }

    /** The same request addressed to another model name (what a deployment calls its model). */
    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, stream, includeUsage, tools, toolChoice, responseFormat,
                temperature, topP, maxTokens, maxCompletionTokens, n, stop, seed, logprobs, topLogprobs, extra);
    }

    /** The same request with other messages (escalation hints, judge prompts). */
    public ChatRequest withMessages(List<Message> newMessages) {
        return new ChatRequest(model, newMessages, stream, includeUsage, tools, toolChoice, responseFormat,
                temperature, topP, maxTokens, maxCompletionTokens, n, stop, seed, logprobs, topLogprobs, extra);
    }

    /** The same request, streamed or not. */
    public ChatRequest withStream(boolean newStream, boolean newIncludeUsage) {
        return new ChatRequest(model, messages, newStream, newIncludeUsage, tools, toolChoice, responseFormat,
                temperature, topP, maxTokens, maxCompletionTokens, n, stop, seed, logprobs, topLogprobs, extra);
    }

    /** The same request asking for token logprobs or not (the cascade's logprob gate needs them). */
    public ChatRequest withLogprobs(Boolean newLogprobs) {
        return new ChatRequest(model, messages, stream, includeUsage, tools, toolChoice, responseFormat,
                temperature, topP, maxTokens, maxCompletionTokens, n, stop, seed, newLogprobs, topLogprobs, extra);
    }

    /** The output-token cap the client asked for, whichever field carried it; null when none. */
    public Integer outputTokenLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }
}
