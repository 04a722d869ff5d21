package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Gemini candidate (or one streamed piece of it) says: its visible text (thought summaries
 * are left out), its function calls with arguments as JSON text, and its raw finish reason.
 *
 * @param index        the candidate's index ({@code index}, else its position)
 * @param text         the concatenated text parts, or null when there were none
 * @param calls        function calls in order, each with its thought signature (or null)
 * @param finishReason Gemini's finishReason, or null while it is still going
 * @param logprobs     its {@code logprobsResult} in OpenAI's shape ({@link GeminiLogprobs}), or null
 */
record GeminiCandidate(int index, String text, List<Call> calls, String finishReason, JsonNode logprobs) {

    /** A function call as Gemini sent it; {@code arguments} is its {@code args} object as JSON text. */
    record Call(String name, String arguments, String thoughtSignature) {
        ToolCall toToolCall(int n) {
            return ToolCall.function(GeminiToolCallIds.id(n, thoughtSignature), name, arguments);
        }
    }

    static GeminiCandidate read(JsonNode candidate, int position) {
        StringBuilder text = null;
        List<Call> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            JsonNode fn = part.get("functionCall");
            if (fn != null && fn.isObject()) {
                JsonNode args = fn.get("args");
                calls.add(new Call(fn.path("name").asText(), args == null || args.isNull() ? "{}" : args.toString(),
                        part.hasNonNull("thoughtSignature") ? part.get("thoughtSignature").asText() : null));
            } else if (part.hasNonNull("text")) {
                text = (text == null ? new StringBuilder() : text).append(part.get("text").asText());
            }
        }
        JsonNode reason = candidate.get("finishReason");
        return new GeminiCandidate(candidate.path("index").asInt(position), text == null ? null : text.toString(),
                calls, reason == null || reason.isNull() ? null : reason.asText(),
                GeminiLogprobs.from(candidate.get("logprobsResult")));
    }
}
