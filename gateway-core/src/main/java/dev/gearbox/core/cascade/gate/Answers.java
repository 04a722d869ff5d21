package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the gates read from an answer and a request; gates judge the first choice, the one clients show. */
final class Answers {
    private Answers() {
    }

    static Optional<Choice> firstChoice(ChatResponse answer) {
        return answer.choices().isEmpty() ? Optional.empty() : Optional.of(answer.choices().get(0));
    }

    static Optional<Message> firstMessage(ChatResponse answer) {
        return firstChoice(answer).map(Choice::message).filter(m -> m != null);
    }

    /** The request's {@code response_format.type}, or empty when it sent none. */
    static String responseFormatType(ChatRequest request) {
        JsonNode format = request.responseFormat();
        return format == null ? "" : format.path("type").asText("");
    }

    static boolean asksForJson(ChatRequest request) {
        String type = responseFormatType(request);
        return type.equals("json_object") || type.equals("json_schema");
    }

    static CompletableFuture<GateVerdict> done(GateVerdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }

    /** Cuts {@code text} to {@code max} characters for a verdict's detail. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
