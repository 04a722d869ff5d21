package dev.gearbox.core.cascade;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configured gates, run in order on one answer. The first {@link GateVerdict.Escalate} ends
 * the run and decides; accepts and abstentions let the next gate look, so a cheap programmatic
 * gate placed first spares a judge call. A gate that calls upstream (a judge) runs only while the
 * request's {@link UpstreamBudget} allows it; otherwise it is recorded as abstaining.
 */
public final class GateChain {
    private final List<QualityGate> gates;

    public GateChain(List<QualityGate> gates) {
        this.gates = List.copyOf(gates);
    }

    public List<QualityGate> gates() {
        return gates;
    }

    /** True when any gate reads token logprobs. */
    public boolean needsLogprobs() {
        return gates.stream().anyMatch(QualityGate::needsLogprobs);
    }

    /** What the gates said about one answer, in order; {@code escalation} is the deciding one or null. */
    public record Result(List<GateVerdict> verdicts, GateVerdict.Escalate escalation) {
        public Result {
            verdicts = List.copyOf(verdicts);
        }

        public boolean accepted() {
            return escalation == null;
        }
    }

    /** One request's allowance of gate calls that cost an upstream call: one in all, across tiers. */
    public static final class UpstreamBudget {
        private final AtomicBoolean spent = new AtomicBoolean();

        boolean take() {
            return spent.compareAndSet(false, true);
        }
    }

    /**
     * Runs the gates on {@code answer}. Never fails: a gate that throws or fails its future counts
     * as abstaining. Cancelling the returned future cancels the gate check in flight.
     */
    public CompletableFuture<Result> check(ChatRequest request, ChatResponse answer, UpstreamBudget budget) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<GateVerdict>> inFlight = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<GateVerdict> running = inFlight.get();
            if (result.isCancelled() && running != null) {
                running.cancel(true);
            }
        });
        next(request, answer, budget, 0, new ArrayList<>(), result, inFlight);
        return result;
    }

    private void next(ChatRequest request, ChatResponse answer, UpstreamBudget budget, int index,
                      List<GateVerdict> verdicts, CompletableFuture<Result> result,
                      AtomicReference<CompletableFuture<GateVerdict>> inFlight) {
        // Iterates synchronous gates in a loop; only an asynchronous gate continues from its callback.
        for (int i = index; i < gates.size(); i++) {
            if (result.isDone()) {
                return;
            }
            QualityGate gate = gates.get(i);
            if (gate.callsUpstream() && !budget.take()) {
                verdicts.add(new GateVerdict.Abstain(gate.name()));
                continue;
            }
            CompletableFuture<GateVerdict> check = run(gate, request, answer);
            if (!check.isDone()) {
                inFlight.set(check);
                int following = i + 1;
                check.whenComplete((v, e) -> {
                    if (record(gate, v, e, verdicts, result)) {
                        next(request, answer, budget, following, verdicts, result, inFlight);
                    }
                });
                return;
            }
            GateVerdict verdict;
            Throwable error = null;
            try {
                verdict = check.join(); // already done: does not wait
            } catch (RuntimeException e) {
                verdict = null;
                error = e;
            }
            if (!record(gate, verdict, error, verdicts, result)) {
                return;
            }
        }
        result.complete(new Result(verdicts, null));
    }

    /** Adds the verdict; completes the result and returns false when it escalates. */
    private static boolean record(QualityGate gate, GateVerdict verdict, Throwable error, List<GateVerdict> verdicts,
                                  CompletableFuture<Result> result) {
        GateVerdict v = error != null || verdict == null ? new GateVerdict.Abstain(gate.name()) : verdict;
        verdicts.add(v);
        if (v instanceof GateVerdict.Escalate escalate) {
            result.complete(new Result(verdicts, escalate));
            return false;
        }
        return true;
    }

    private static CompletableFuture<GateVerdict> run(QualityGate gate, ChatRequest request, ChatResponse answer) {
        try {
            CompletableFuture<GateVerdict> check = gate.check(request, answer);
            return check == null ? CompletableFuture.completedFuture(new GateVerdict.Abstain(gate.name())) : check;
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new GateVerdict.Abstain(gate.name()));
        }
    }
}
