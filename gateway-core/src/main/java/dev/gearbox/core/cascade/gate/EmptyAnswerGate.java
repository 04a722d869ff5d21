package dev.gearbox.core.cascade.gate;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Escalates an answer with no choice, or whose text is empty or whitespace and that calls no tool. */
public record EmptyAnswerGate() implements QualityGate {
    public static final String NAME = "empty";
    public static final String REASON = "empty_answer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        Optional<Message> message = Answers.firstMessage(answer);
        boolean empty = message.isEmpty() || (message.get().text().isBlank() && message.get().toolCalls().isEmpty());
        return Answers.done(empty ? new GateVerdict.Escalate(NAME, REASON, "the answer has no text and no tool call")
                : new GateVerdict.Accept(NAME));
    }
}
