package dev.gearbox.core.cascade.gate;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Escalates an answer cut off by the model's own output limit ({@code finish_reason: length}).
 * Abstains when the client set {@code max_tokens}/{@code max_completion_tokens}: the cut is what
 * the client asked for, and a bigger model would be cut at the same length.
 */
public record LengthGate() implements QualityGate {
    public static final String NAME = "length";
    public static final String REASON = "truncated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        if (request.outputTokenLimit() != null || Answers.firstChoice(answer).isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        boolean cut = "length".equals(answer.choices().get(0).finishReason());
        return Answers.done(cut ? new GateVerdict.Escalate(NAME, REASON, "the answer was cut off at the output limit")
                : new GateVerdict.Accept(NAME));
    }
}
