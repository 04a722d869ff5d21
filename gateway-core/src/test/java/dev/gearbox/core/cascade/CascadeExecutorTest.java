package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gearbox.config.CascadeConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cascade.gate.EmptyAnswerGate;
import dev.gearbox.core.cascade.gate.JsonGate;
import dev.gearbox.core.cascade.gate.JudgeGate;
import dev.gearbox.core.cascade.gate.LogprobGate;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.Fixture;
import dev.gearbox.core.testing.RecordingListener;
import dev.gearbox.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The cascade loop against scripted deployments: one per tier. */
class CascadeExecutorTest {
    private static final RoutingDecision DECISION = new RoutingDecision(Tier.FAST, 0.2, 0.6, "math", null);
    private static final DispatchPlan.Cascade ALL_TIERS =
            new DispatchPlan.Cascade(List.of(Tier.FAST, Tier.BALANCED, Tier.FRONTIER), DECISION);

    private final Fixture fx = Fixture.builder().tier(Tier.FAST, "cheap").tier(Tier.BALANCED, "mid")
            .tier(Tier.FRONTIER, "big").standalone("judge").build();
    private final ScriptedProvider cheap = fx.provider("cheap");
    private final ScriptedProvider mid = fx.provider("mid");
    private final ScriptedProvider big = fx.provider("big");

    private CascadeExecutor executor(CascadeConfig.Hint hint, QualityGate... gates) {
        return new CascadeExecutor(fx.executor(), fx.planner(), new GateChain(List.of(gates)), new EscalationHint(hint),
                fx.metrics, new EscalationRateMonitor(100, 0.6, fx.metrics));
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    private static ChatRequest askJson(String text) {
        return new ChatRequest("auto", List.of(Message.of(Role.USER, text)), false, false, List.of(), null,
                JsonNodeFactory.instance.objectNode().put("type", "json_object"), null, null, null, null, null, null,
                null, null, null, Map.of());
    }

    private static ChatResponse withUsage(String text, int prompt, int completion) {
        return new ChatResponse("r", 1, "m", List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)),
                Usage.of(prompt, completion), null, Map.of());
    }

    @Test
    void aRejectedCheapAnswerEscalatesWithTheReasonAsAHint() {
        cheap.answer("   ");
        mid.answer("42");

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate())
                .execute(ask("What is 6 x 7?"), ALL_TIERS).join();

        assertThat(r.response().firstText()).isEqualTo("42");
        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().deployment()).isEqualTo("mid");
        assertThat(r.route().decision()).isEqualTo(DECISION);
        CascadeTrace trace = r.route().cascade();
        assertThat(trace.startTier()).isEqualTo(Tier.FAST);
        assertThat(trace.escalated()).isTrue();
        assertThat(trace.unresolved()).isFalse();
        assertThat(trace.deciding()).isEqualTo(new GateVerdict.Escalate("empty", "empty_answer",
                "the answer has no text and no tool call"));
        assertThat(r.route().attempts()).extracting(a -> a.deployment()).containsExactly("cheap", "mid");
        List<Message> sent = mid.requests().get(0).messages();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).text()).isEqualTo("What is 6 x 7?");
        assertThat(sent.get(1).role()).isEqualTo(Role.USER);
        assertThat(sent.get(1).text()).contains("empty: the answer has no text and no tool call")
                .doesNotContain("Rejected draft");
        assertThat(big.calls()).isZero();
        assertThat(fx.count("gearbox.cascade.escalations", "gate", "empty", "reason", "empty_answer", "from_tier", "fast"))
                .isEqualTo(1);
        assertThat(fx.count("gearbox.cascade.requests", "start_tier", "fast", "final_tier", "balanced",
                "escalated", "true", "class", "math")).isEqualTo(1);
    }

    @Test
    void theAnswerAndReasonHintQuotesTheRejectedAnswer() {
        cheap.answer("Sure! Here is your JSON: {\"a\": 1}");
        mid.answer("{\"a\": 1}");

        GatewayResponse r = executor(CascadeConfig.Hint.ANSWER_AND_REASON, new JsonGate())
                .execute(askJson("give me a"), ALL_TIERS).join();

        assertThat(r.response().firstText()).isEqualTo("{\"a\": 1}");
        String hint = mid.requests().get(0).messages().get(1).text();
        assertThat(hint).contains("json: not valid JSON").contains("Rejected draft")
                .contains("Sure! Here is your JSON: {\"a\": 1}");
        assertThat(mid.requests().get(0).responseFormat().path("type").asText()).as("the next tier still gets JSON mode")
                .isEqualTo("json_object");
    }

    @Test
    void anAcceptedCheapAnswerIsReturnedAtOnce() {
        cheap.respond(withUsage("Paris.", 10, 2));

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).execute(ask("capital?"), ALL_TIERS)
                .join();

        assertThat(r.response().firstText()).isEqualTo("Paris.");
        assertThat(r.route().tier()).isEqualTo(Tier.FAST);
        assertThat(r.route().cascade().escalated()).isFalse();
        assertThat(r.route().cascade().deciding()).isEqualTo(new GateVerdict.Accept("empty"));
        assertThat(r.route().cascade().totalUsage().totalTokens()).isEqualTo(12);
        assertThat(mid.calls()).isZero();
    }

    @Test
    void aJudgeTimeoutAbstainsAndTheAnswerStands() {
        ScriptedProvider judge = fx.provider("judge").hang();
        cheap.answer("An answer.");

        GatewayResponse r = executor(CascadeConfig.Hint.REASON,
                new JudgeGate("judge", judge, Duration.ofMillis(30))).execute(ask("q"), ALL_TIERS).join();

        assertThat(r.route().tier()).isEqualTo(Tier.FAST);
        assertThat(r.route().cascade().verdicts()).containsExactly(new GateVerdict.Abstain("judge"));
        assertThat(r.route().cascade().deciding()).isNull();
        assertThat(judge.pending().isCancelled()).isTrue();
    }

    @Test
    void theJudgeIsCalledAtMostOncePerRequest() {
        ScriptedProvider judge = fx.provider("judge").answer("{\"acceptable\": false, \"reason\": \"off topic\"}");
        cheap.answer("An answer.");
        mid.answer("A better answer.");

        GatewayResponse r = executor(CascadeConfig.Hint.REASON,
                new JudgeGate("judge", judge, Duration.ofSeconds(1))).execute(ask("q"), ALL_TIERS).join();

        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(judge.calls()).isEqualTo(1);
        assertThat(r.route().cascade().verdicts()).containsExactly(
                new GateVerdict.Escalate("judge", "judge_rejected", "off topic"), new GateVerdict.Abstain("judge"));
    }

    @Test
    void whenEveryTierFailsTheErrorNamesEachTiersAttempts() {
        cheap.fail(Errors.unavailable());
        mid.fail(Errors.serverError());
        big.fail(Errors.unavailable());

        Throwable thrown = catchThrowable(() -> executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate())
                .execute(ask("q"), ALL_TIERS).join());

        GatewayException e = (GatewayException) ((CompletionException) thrown).getCause();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).startsWith("Every tier of the cascade failed: fast: ")
                .contains("cheap (fast): HTTP 503").contains("balanced: ").contains("mid (balanced): HTTP 500")
                .contains("frontier: ").contains("big (frontier): HTTP 503");
        assertThat(fx.count("gearbox.cascade.escalations", "gate", "error", "reason", "upstream_unavailable",
                "from_tier", "fast")).isEqualTo(1);
    }

    @Test
    void aFailedTierHandsOverAndItsAttemptIsKept() {
        cheap.fail(Errors.unavailable());
        mid.answer("ok");

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).execute(ask("q"), ALL_TIERS).join();

        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().attempts()).extracting(a -> a.deployment() + ":" + a.succeeded())
                .containsExactly("cheap:false", "mid:true");
        assertThat(r.route().cascade().escalated()).isTrue();
    }

    @Test
    void theRequestsOwnFaultIsNotEscalated() {
        cheap.fail(Errors.badRequest());

        Throwable thrown = catchThrowable(() -> executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate())
                .execute(ask("q"), ALL_TIERS).join());

        assertThat(((GatewayException) thrown.getCause()).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(mid.calls()).isZero();
    }

    @Test
    void whenTheDepthIsReachedTheLastAnswerIsReturnedAndMarked() {
        cheap.respond(withUsage("", 10, 0));
        mid.respond(withUsage(" ", 30, 1));
        DispatchPlan.Cascade oneEscalation = new DispatchPlan.Cascade(List.of(Tier.FAST, Tier.BALANCED), DECISION);

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).execute(ask("q"), oneEscalation)
                .join();

        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().cascade().unresolved()).isTrue();
        assertThat(r.route().cascade().escalated()).isTrue();
        assertThat(r.route().cascade().answers()).extracting(CascadeTrace.TierAnswer::deployment)
                .containsExactly("cheap", "mid");
        assertThat(r.route().cascade().totalUsage()).isEqualTo(Usage.of(40, 1));
        assertThat(big.calls()).isZero();
    }

    @Test
    void aRejectedAnswerBelowTiersThatFailedIsStillAnAnswer() {
        cheap.answer("");
        mid.fail(Errors.unavailable());
        big.fail(Errors.timeout());

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).execute(ask("q"), ALL_TIERS).join();

        assertThat(r.route().deployment()).isEqualTo("cheap");
        assertThat(r.route().tier()).isEqualTo(Tier.FAST);
        assertThat(r.route().cascade().unresolved()).isTrue();
        assertThat(r.route().attempts()).hasSize(3);
    }

    @Test
    void logprobsAreRequestedForTheGateAndRemovedWhenTheClientDidNotAsk() throws Exception {
        var logprobs = new ObjectMapper().readTree("{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1}]}");
        cheap.respond(new ChatResponse("r", 1, "m",
                List.of(new Choice(0, Message.of(Role.ASSISTANT, "Hi"), "stop", logprobs)), null, null, Map.of()));

        GatewayResponse r = executor(CascadeConfig.Hint.REASON, new LogprobGate(-1, -5)).execute(ask("q"), ALL_TIERS)
                .join();

        assertThat(cheap.requests().get(0).logprobs()).isTrue();
        assertThat(r.response().choices().get(0).logprobs()).isNull();
        assertThat(r.route().cascade().verdicts()).containsExactly(new GateVerdict.Accept("logprob"));
    }

    @Test
    void cancellingAbortsTheCallInFlight() {
        cheap.hang();

        CompletableFuture<GatewayResponse> r = executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate())
                .execute(ask("q"), ALL_TIERS);
        r.cancel(true);

        assertThat(cheap.pending().isCancelled()).isTrue();
        assertThat(mid.calls()).isZero();
    }

    @Test
    void aCascadedStreamIsGatedThenReplayed() {
        cheap.answer("");
        mid.respond(withUsage("Forty-two.", 5, 3));
        RecordingListener listener = new RecordingListener();
        ChatRequest streamed = ask("q").withStream(true, true);

        executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).stream(streamed, ALL_TIERS, listener);

        assertThat(cheap.requests().get(0).stream()).as("the cheap tier is asked for a whole answer").isFalse();
        assertThat(listener.events).first().isEqualTo("start:mid");
        assertThat(listener.events).containsExactly("start:mid", "chunk:m:", "chunk:m:Forty-two.", "chunk:m:null",
                "usage:8", "complete");
        assertThat(listener.started.cascade().escalated()).isTrue();
        assertThat(listener.completed.tier()).isEqualTo(Tier.BALANCED);
    }

    @Test
    void cancellingACascadedStreamAbortsTheCallAndSilencesTheListener() {
        cheap.hang();
        RecordingListener listener = new RecordingListener();

        executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).stream(ask("q").withStream(true, false), ALL_TIERS,
                listener).cancel();

        assertThat(cheap.pending().isCancelled()).isTrue();
        assertThat(listener.events).isEmpty();
        assertThat(mid.calls()).isZero();
    }

    @Test
    void aFailedCascadedStreamEndsBeforeTheCommitPoint() {
        cheap.fail(Errors.unavailable());
        mid.fail(Errors.unavailable());
        big.fail(Errors.unavailable());
        RecordingListener listener = new RecordingListener();

        executor(CascadeConfig.Hint.REASON, new EmptyAnswerGate()).stream(ask("q").withStream(true, false), ALL_TIERS,
                listener);

        assertThat(listener.events).containsExactly("error:UPSTREAM_UNAVAILABLE:false");
    }
}
