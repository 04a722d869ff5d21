package dev.gearbox.core.cascade.gate;

import static dev.gearbox.core.cascade.gate.GateTesting.answer;
import static dev.gearbox.core.cascade.gate.GateTesting.ask;
import static dev.gearbox.core.cascade.gate.GateTesting.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.ScriptedProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JudgeGateTest {
    private final ScriptedProvider judge = new ScriptedProvider("judge");
    private final JudgeGate gate = new JudgeGate("judge", judge, Duration.ofMillis(50));

    @Test
    void anAcceptableVerdictAccepts() {
        judge.answer("{\"acceptable\": true, \"reason\": \"correct\"}");

        assertThat(outcome(gate, ask("2+2?"), answer("4"))).isEqualTo("accept");
    }

    @Test
    void aRejectionEscalatesWithTheJudgesReason() {
        judge.answer("```json\n{\"acceptable\": false, \"reason\": \"The sum is wrong.\"}\n```");

        GateVerdict v = GateTesting.verdict(gate, ask("2+2?"), answer("5"));

        assertThat(outcome(v)).isEqualTo("escalate:judge_rejected");
        assertThat(((GateVerdict.Escalate) v).detail()).isEqualTo("The sum is wrong.");
    }

    @Test
    void theJudgeSeesTheConversationAndTheAnswerAndMustReplyInJson() {
        judge.answer("{\"acceptable\": true}");
        SharedRows.Row row = SharedRows.gsm8k().get(0);

        gate.check(ask(row.prompt()), answer(row.weakAnswer())).join();

        ChatRequest sent = judge.requests().get(0);
        assertThat(sent.responseFormat().path("type").asText()).isEqualTo("json_object");
        assertThat(sent.temperature()).isZero();
        assertThat(sent.messages().get(0).text()).contains("\"acceptable\"");
        assertThat(sent.messages().get(1).text()).contains(row.prompt()).contains(row.weakAnswer().strip());
    }

    @Test
    void aTimeoutAbstainsAndCancelsTheCall() {
        judge.hang();

        GateVerdict v = gate.check(ask("q"), answer("a")).join();

        assertThat(outcome(v)).isEqualTo("abstain");
        assertThat(judge.pending().isCancelled()).isTrue();
    }

    @Test
    void badOutputOrAFailedCallAbstains() {
        judge.answer("I think it is fine.").answer("{\"acceptable\": \"yes\"}").fail(Errors.serverError());

        assertThat(outcome(gate, ask("q"), answer("a"))).isEqualTo("abstain");
        assertThat(outcome(gate, ask("q"), answer("a"))).isEqualTo("abstain");
        assertThat(outcome(gate, ask("q"), answer("a"))).isEqualTo("abstain");
    }

    @Test
    void cancellingTheCheckCancelsTheJudgeCall() {
        judge.hang();
        CompletableFuture<GateVerdict> check = gate.check(ask("q"), answer("a"));

        check.cancel(true);

        assertThat(judge.pending().isCancelled()).isTrue();
    }

    @Test
    void everyJudgeCallIsCountedAsAnUpstreamAttempt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JudgeGate metered = new JudgeGate("judge", judge, Duration.ofMillis(50), new GatewayMetrics(registry));
        judge.answer("{\"acceptable\": true}").fail(Errors.serverError());

        metered.check(ask("q"), answer("a")).join();
        metered.check(ask("q"), answer("a")).join();

        assertThat(registry.get("gearbox.upstream.attempts").tags("deployment", "judge", "outcome", "ok").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("gearbox.upstream.attempts").tags("deployment", "judge", "outcome", "upstream_error")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void itsDescriptionNamesTheDeploymentOnly() {
        assertThat(gate.toString()).isEqualTo("JudgeGate[deployment=judge, timeout=PT0.05S]");
        assertThat(gate.callsUpstream()).isTrue();
    }
}
