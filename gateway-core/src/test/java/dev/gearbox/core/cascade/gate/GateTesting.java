package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;

/** Requests and answers for gate tests. */
final class GateTesting {
    static final ObjectMapper JSON = new ObjectMapper();

    private GateTesting() {
    }

    static ChatRequest ask(String prompt) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, prompt)));
    }

    static ChatRequest withFormat(String prompt, String responseFormatJson) {
        ChatRequest r = ask(prompt);
        return new ChatRequest(r.model(), r.messages(), false, false, List.of(), null, json(responseFormatJson),
                null, null, null, null, null, null, null, null, null, Map.of());
    }

    static ChatRequest withLimit(String prompt, int maxTokens) {
        ChatRequest r = ask(prompt);
        return new ChatRequest(r.model(), r.messages(), false, false, List.of(), null, null,
                null, null, maxTokens, null, null, null, null, null, null, Map.of());
    }

    static ChatResponse answer(String text) {
        return answer(text, "stop");
    }

    static ChatResponse answer(String text, String finishReason) {
        return response(new Choice(0, Message.of(Role.ASSISTANT, text), finishReason, null));
    }

    static ChatResponse withLogprobs(String text, String logprobsJson) {
        return response(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", json(logprobsJson)));
    }

    static ChatResponse toolCalls(ToolCall... calls) {
        Message m = new Message(Role.ASSISTANT, null, null, List.of(calls), null, Map.of());
        return response(new Choice(0, m, "tool_calls", null));
    }

    static ChatResponse response(Choice... choices) {
        return new ChatResponse("r1", 1L, "m", List.of(choices), null, null, Map.of());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static GateVerdict verdict(QualityGate gate, ChatRequest request, ChatResponse answer) {
        return gate.check(request, answer).join();
    }

    /** "escalate:reason", "accept" or "abstain": compact for assertions. */
    static String outcome(GateVerdict v) {
        if (v instanceof GateVerdict.Escalate e) {
            return "escalate:" + e.reason();
        }
        return v instanceof GateVerdict.Accept ? "accept" : "abstain";
    }

    static String outcome(QualityGate gate, ChatRequest request, ChatResponse answer) {
        return outcome(verdict(gate, request, answer));
    }
}
