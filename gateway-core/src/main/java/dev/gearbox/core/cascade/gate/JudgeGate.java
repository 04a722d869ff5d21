package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.JsonVerdict;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChatProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks a judge deployment whether the answer is acceptable, as a JSON verdict
 * {@code {"acceptable": bool, "reason": "..."}}. The call has a strict {@code timeout}; a timeout,
 * an upstream failure or output that is not such a verdict makes the gate abstain (the judge
 * cannot block an answer it did not judge). The cascade runs it at most once per request. Each
 * call is counted in {@code gearbox.upstream.attempts} under the judge's deployment.
 */
public record JudgeGate(String deployment, ChatProvider judge, Duration timeout, GatewayMetrics metrics)
        implements QualityGate {
    public static final String NAME = "judge";
    public static final String REASON = "judge_rejected";
    static final int MAX_TRANSCRIPT_CHARS = 6000;
    static final int MAX_ANSWER_CHARS = 6000;
    static final int MAX_VERDICT_TOKENS = 200;
    static final String INSTRUCTIONS = """
            You grade an AI assistant's answer to the conversation below. Reply with only a JSON object: \
            {"acceptable": true or false, "reason": "one short sentence"}. An answer is acceptable when it is \
            correct, complete enough to be useful, and follows the user's instructions; reject it when it is \
            wrong, evasive, truncated or off-topic.""";

    public JudgeGate {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(metrics, "metrics");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("judge timeout must be positive");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A judge whose calls are not counted in the metrics (offline evaluation, tests). */
    public JudgeGate(String deployment, ChatProvider judge, Duration timeout) {
        this(deployment, judge, timeout, GatewayMetrics.disabled());
    }

    /** Names the deployment only: the provider's own description is nobody's business in a log line. */
    @Override
    public String toString() {
        return "JudgeGate[deployment=" + deployment + ", timeout=" + timeout + "]";
    }

    @Override
    public boolean callsUpstream() {
        return true;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        CompletableFuture<ChatResponse> call;
        try {
            call = judge.complete(prompt(request, answer));
        } catch (RuntimeException e) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        CompletableFuture<GateVerdict> verdict = new CompletableFuture<>();
        // The timeout fails a copy: the provider's own future is cancelled below, which aborts its request.
        call.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            if (error != null) {
                call.cancel(true); // a timed-out judge must not keep its connection busy
                GatewayException failure = GatewayException.from(error);
                metrics.attempt(deployment, failure.kind());
                verdict.complete(new GateVerdict.Abstain(NAME));
            } else {
                metrics.attempt(deployment, null);
                verdict.complete(read(response.firstText()));
            }
        });
        // Cancelling the check (the client left) aborts the judge call.
        verdict.whenComplete((v, e) -> {
            if (verdict.isCancelled()) {
                call.cancel(true);
            }
        });
        return verdict;
    }

    /** The judge's verdict from its text; abstain unless it is a JSON object with a boolean {@code acceptable}. */
    static GateVerdict read(String text) {
        Optional<JsonNode> parsed = JsonVerdict.in(text);
        JsonNode acceptable = parsed.map(p -> p.get("acceptable")).orElse(null);
        if (acceptable == null || !acceptable.isBoolean()) {
            return new GateVerdict.Abstain(NAME);
        }
        if (acceptable.booleanValue()) {
            return new GateVerdict.Accept(NAME);
        }
        String reason = parsed.get().path("reason").asText("");
        return new GateVerdict.Escalate(NAME, REASON,
                reason.isBlank() ? "the judge rejected the answer" : Answers.clip(reason.strip(), 300));
    }

    static ChatRequest prompt(ChatRequest request, ChatResponse answer) {
        StringBuilder transcript = new StringBuilder();
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM || m.role() == Role.USER || m.role() == Role.ASSISTANT) {
                transcript.append('[').append(m.role().wire()).append("] ").append(m.text()).append('\n');
            }
        }
        String conversation = transcript.length() > MAX_TRANSCRIPT_CHARS
                ? "..." + transcript.substring(transcript.length() - MAX_TRANSCRIPT_CHARS) : transcript.toString();
        String body = "Conversation:\n" + conversation + "\nAnswer to grade:\n"
                + Answers.clip(answer.firstText(), MAX_ANSWER_CHARS);
        return new ChatRequest(request.model(), List.of(Message.of(Role.SYSTEM, INSTRUCTIONS), Message.of(Role.USER, body)),
                false, false, List.of(), null, JsonNodeFactory.instance.objectNode().put("type", "json_object"),
                0.0, null, MAX_VERDICT_TOKENS, null, null, null, null, null, null, Map.of());
    }
}
