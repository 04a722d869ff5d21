package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Every tool call in the answer must name a tool the request offered (when it offered any) and
 * carry arguments that parse as one JSON object. Abstains on answers without tool calls.
 */
public record ToolArgumentsGate() implements QualityGate {
    public static final String NAME = "tool_args";
    public static final String INVALID = "invalid_tool_args";
    public static final String UNKNOWN_TOOL = "unknown_tool";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        Optional<Message> message = Answers.firstMessage(answer);
        if (message.isEmpty() || message.get().toolCalls().isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        Set<String> offered = request.tools().stream().map(Tool::name).collect(Collectors.toSet());
        for (ToolCall call : message.get().toolCalls()) {
            if (!offered.isEmpty() && !offered.contains(call.name())) {
                return Answers.done(new GateVerdict.Escalate(NAME, UNKNOWN_TOOL,
                        "the answer calls `" + Answers.clip(String.valueOf(call.name()), 64) + "`, which the request does not offer"));
            }
            Optional<JsonNode> args = JsonText.parse(call.arguments());
            if (args.isEmpty() || !args.get().isObject()) {
                String problem = args.isEmpty() ? JsonText.problem(call.arguments()) : "not a JSON object";
                return Answers.done(new GateVerdict.Escalate(NAME, INVALID,
                        "the arguments of `" + Answers.clip(String.valueOf(call.name()), 64) + "` are " + problem));
            }
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }
}
