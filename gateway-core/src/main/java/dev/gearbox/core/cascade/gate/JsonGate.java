package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * When the request's {@code response_format} is {@code json_object} or {@code json_schema}, the
 * answer's text must be one JSON object. Abstains for other requests and for tool-call answers.
 */
public record JsonGate() implements QualityGate {
    public static final String NAME = "json";
    public static final String REASON = "invalid_json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        if (!Answers.asksForJson(request) || answerIsToolCall(answer)) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        String text = answer.firstText();
        Optional<JsonNode> parsed = JsonText.parse(text);
        if (parsed.isEmpty()) {
            return Answers.done(new GateVerdict.Escalate(NAME, REASON, JsonText.problem(text)));
        }
        if (!parsed.get().isObject()) {
            return Answers.done(new GateVerdict.Escalate(NAME, REASON,
                    "the answer is JSON but not an object (" + parsed.get().getNodeType().name().toLowerCase() + ")"));
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }

    private static boolean answerIsToolCall(ChatResponse answer) {
        return Answers.firstMessage(answer).map(m -> !m.toolCalls().isEmpty()).orElse(false);
    }
}
