package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.cascade.gate.EmptyAnswerGate;
import dev.gearbox.core.cascade.gate.JudgeGate;
import dev.gearbox.core.cascade.gate.JsonGate;
import dev.gearbox.core.cascade.gate.LogprobGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GateChainTest {
    private static final ChatRequest REQUEST = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi")));
    private final ScriptedProvider judge = new ScriptedProvider("judge");

    private static ChatResponse answer(String text) {
        return new ChatResponse("r", 1, "m", List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)),
                null, null, Map.of());
    }

    @Test
    void theFirstEscalationStopsTheChain() {
        GateChain chain = new GateChain(List.of(new EmptyAnswerGate(), new JudgeGate("judge", judge, Duration.ofSeconds(1))));

        GateChain.Result r = chain.check(REQUEST, answer(" "), new GateChain.UpstreamBudget()).join();

        assertThat(r.accepted()).isFalse();
        assertThat(r.escalation().gate()).isEqualTo("empty");
        assertThat(r.verdicts()).hasSize(1);
        assertThat(judge.calls()).as("no judge call after a cheap gate escalated").isZero();
    }

    @Test
    void acceptsAndAbstentionsLetEveryGateLook() {
        judge.answer("{\"acceptable\": true}");
        GateChain chain = new GateChain(List.of(new EmptyAnswerGate(), new JsonGate(),
                new JudgeGate("judge", judge, Duration.ofSeconds(1))));

        GateChain.Result r = chain.check(REQUEST, answer("fine"), new GateChain.UpstreamBudget()).join();

        assertThat(r.accepted()).isTrue();
        assertThat(r.verdicts()).containsExactly(new GateVerdict.Accept("empty"), new GateVerdict.Abstain("json"),
                new GateVerdict.Accept("judge"));
    }

    @Test
    void theJudgeRunsOncePerRequestBudget() {
        judge.answer("{\"acceptable\": true}");
        GateChain chain = new GateChain(List.of(new JudgeGate("judge", judge, Duration.ofSeconds(1))));
        GateChain.UpstreamBudget budget = new GateChain.UpstreamBudget();

        chain.check(REQUEST, answer("a"), budget).join();
        GateChain.Result second = chain.check(REQUEST, answer("b"), budget).join();

        assertThat(judge.calls()).isEqualTo(1);
        assertThat(second.verdicts()).containsExactly(new GateVerdict.Abstain("judge"));
    }

    @Test
    void aGateThatThrowsOrFailsAbstains() {
        QualityGate throwing = new NamedGate("boom", () -> {
            throw new IllegalStateException("bug");
        });
        QualityGate failing = new NamedGate("fail", () -> CompletableFuture.failedFuture(new IllegalStateException()));

        GateChain.Result r = new GateChain(List.of(throwing, failing)).check(REQUEST, answer("a"),
                new GateChain.UpstreamBudget()).join();

        assertThat(r.verdicts()).containsExactly(new GateVerdict.Abstain("boom"), new GateVerdict.Abstain("fail"));
        assertThat(r.accepted()).isTrue();
    }

    @Test
    void cancellingTheRunCancelsTheJudge() {
        judge.hang();
        GateChain chain = new GateChain(List.of(new JudgeGate("judge", judge, Duration.ofSeconds(5))));

        CompletableFuture<GateChain.Result> run = chain.check(REQUEST, answer("a"), new GateChain.UpstreamBudget());
        run.cancel(true);

        assertThat(judge.pending().isCancelled()).isTrue();
    }

    @Test
    void knowsWhetherAGateNeedsLogprobs() {
        assertThat(new GateChain(List.of(new EmptyAnswerGate())).needsLogprobs()).isFalse();
        assertThat(new GateChain(List.of(new EmptyAnswerGate(), new LogprobGate(-1, -5))).needsLogprobs()).isTrue();
    }

    private record NamedGate(String name, java.util.function.Supplier<CompletableFuture<GateVerdict>> body)
            implements QualityGate {
        @Override
        public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
            return body.get();
        }
    }
}
