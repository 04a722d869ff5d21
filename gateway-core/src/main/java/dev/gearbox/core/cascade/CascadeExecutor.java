package dev.gearbox.core.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.fallback.FallbackExecutor;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.routing.AttemptPlanner;
import dev.gearbox.core.routing.Candidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link DispatchPlan.Cascade}: one loop over the tiers, cheapest first. Each tier's
 * deployments are tried with the {@link FallbackExecutor} (same-tier fallback); its answer goes
 * through the {@link GateChain}; an accepted answer is returned, a rejected one moves the request
 * to the next tier with an {@link EscalationHint}. A tier that fails with a retryable error also
 * hands over to the next tier; any other error (the request's own fault) ends the cascade as it is.
 * When the last tier's answer is rejected too it is returned anyway, the best there is, and the
 * trace says so; when no tier answered, the error names every tier's failure.
 *
 * <p>Every attempt (failed ones included) and every answer's usage is kept in the route and the
 * {@link CascadeTrace}, so rejected answers are counted in cost. When a gate reads logprobs and
 * the client did not ask for them, each tier is asked for them and they are removed from the
 * answer the client gets. Never blocks: each step starts from the previous one's completion.
 * Cancelling the returned future cancels the call or gate check in flight and starts nothing else.
 */
public final class CascadeExecutor {
    private final FallbackExecutor executor;
    private final AttemptPlanner planner;
    private final GateChain gates;
    private final EscalationHint hint;
    private final GatewayMetrics metrics;
    private final EscalationRateMonitor monitor;

    public CascadeExecutor(FallbackExecutor executor, AttemptPlanner planner, GateChain gates, EscalationHint hint,
                           GatewayMetrics metrics, EscalationRateMonitor monitor) {
        this.executor = executor;
        this.planner = planner;
        this.gates = gates;
        this.hint = hint;
        this.metrics = metrics;
        this.monitor = monitor;
    }

    public CompletableFuture<GatewayResponse> execute(ChatRequest request, DispatchPlan.Cascade plan) {
        return new Run(request, plan).start();
    }

    /**
     * A cascaded stream: the answer is produced and gated in full before the client sees a byte, then
     * replayed as a stream ({@link StreamReplay}). The listener gets {@code onStart}, the chunks and
     * {@code onComplete}, or {@code onError(e, false)}; cancelling the handle cancels the cascade.
     */
    public StreamHandle stream(ChatRequest request, DispatchPlan.Cascade plan, GatewayStreamListener listener) {
        CompletableFuture<GatewayResponse> answer;
        try {
            answer = execute(request.withStream(false, false), plan);
        } catch (RuntimeException e) {
            listener.onError(GatewayException.from(e), false);
            return () -> { };
        }
        answer.whenComplete((response, error) -> {
            if (answer.isCancelled()) {
                return; // the client left: no listener call after its cancel
            }
            if (error != null) {
                listener.onError(GatewayException.from(error), false);
            } else {
                StreamReplay.replay(response, request.includeUsage(), listener);
            }
        });
        return () -> answer.cancel(true);
    }

    /** One request's walk up the tiers. Steps run one after another, so state needs no locking. */
    private final class Run {
        private final ChatRequest request;
        private final DispatchPlan.Cascade plan;
        private final boolean addLogprobs;
        private final CompletableFuture<GatewayResponse> result = new CompletableFuture<>();
        private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        private final List<GateVerdict> verdicts = new ArrayList<>();
        private final List<CascadeTrace.TierAnswer> answers = new ArrayList<>();
        private final List<CascadeFailure.TierFailure> failures = new ArrayList<>();
        private final GateChain.UpstreamBudget budget = new GateChain.UpstreamBudget();
        private ChatRequest outgoing;
        private GatewayResponse lastRejected;
        private int index;

        Run(ChatRequest request, DispatchPlan.Cascade plan) {
            this.request = request;
            this.plan = plan;
            this.addLogprobs = gates.needsLogprobs() && !Boolean.TRUE.equals(request.logprobs());
            this.outgoing = addLogprobs ? request.withLogprobs(true) : request;
        }

        CompletableFuture<GatewayResponse> start() {
            result.whenComplete((r, e) -> {
                CompletableFuture<?> running = inFlight.get();
                if (result.isCancelled() && running != null) {
                    running.cancel(true);
                }
            });
            nextTier();
            return result;
        }

        /** Starts the first tier from {@code index} that has a deployment in rotation, or finishes. */
        private void nextTier() {
            while (index < plan.tiers().size()) {
                if (result.isDone()) {
                    return;
                }
                Tier tier = plan.tiers().get(index);
                List<Candidate> candidates = planner.tierOnly(tier);
                if (candidates.isEmpty()) {
                    failures.add(new CascadeFailure.TierFailure(tier, new GatewayException(ErrorKind.NO_CAPACITY,
                            "no deployment of the tier is in rotation (all rate limited)")));
                    index++;
                    continue;
                }
                CompletableFuture<GatewayResponse> call;
                try {
                    call = executor.execute(outgoing, candidates, attempts::add);
                } catch (RuntimeException e) {
                    call = CompletableFuture.failedFuture(e);
                }
                if (publish(call)) {
                    call.whenComplete((response, error) -> answered(tier, response, error));
                }
                return;
            }
            noTierLeft();
        }

        private void answered(Tier tier, GatewayResponse response, Throwable error) {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                failed(tier, GatewayException.from(error));
                return;
            }
            answers.add(new CascadeTrace.TierAnswer(tier, response.route().deployment(), response.response().usage()));
            CompletableFuture<GateChain.Result> check = gates.check(request, response.response(), budget);
            if (publish(check)) {
                check.whenComplete((verdict, e) -> gated(tier, response, verdict));
            }
        }

        private void gated(Tier tier, GatewayResponse response, GateChain.Result verdict) {
            if (result.isDone()) {
                return;
            }
            verdicts.addAll(verdict.verdicts());
            if (verdict.accepted()) {
                finish(tier, response, false);
            } else if (index + 1 >= plan.tiers().size()) {
                finish(tier, response, true); // the ceiling's answer: rejected too, but the best there is
            } else {
                GateVerdict.Escalate why = verdict.escalation();
                metrics.escalation(why.gate(), why.reason(), tier);
                lastRejected = response;
                outgoing = hint.apply(outgoing, response.response(), why);
                index++;
                nextTier();
            }
        }

        private void failed(Tier tier, GatewayException error) {
            if (!error.kind().retryable()) {
                result.completeExceptionally(error); // the request's own fault: another tier will not fix it
                return;
            }
            failures.add(new CascadeFailure.TierFailure(tier, error));
            if (index + 1 < plan.tiers().size()) {
                metrics.escalation("error", error.kind().metricTag(), tier);
            }
            index++;
            nextTier();
        }

        private void noTierLeft() {
            if (lastRejected != null) {
                // Tiers above failed outright: the rejected answer below them is still an answer.
                finish(lastRejected.route().tier(), lastRejected, true);
            } else {
                result.completeExceptionally(CascadeFailure.of(failures));
            }
        }

        private void finish(Tier tier, GatewayResponse answer, boolean unresolved) {
            boolean escalated = index > 0;
            CascadeTrace trace = new CascadeTrace(plan.start(), escalated, verdicts, answers, unresolved);
            List<Attempt> all;
            synchronized (attempts) {
                all = List.copyOf(attempts);
            }
            long upstreamNanos = all.stream().mapToLong(Attempt::latencyNanos).sum();
            RouteInfo route = new RouteInfo(tier, answer.route().deployment(), all, upstreamNanos, plan.decision(),
                    null, trace);
            metrics.cascade(plan.start(), tier, escalated, plan.decision().requestClass());
            monitor.record(plan.start(), escalated);
            ChatResponse body = addLogprobs ? withoutLogprobs(answer.response()) : answer.response();
            result.complete(new GatewayResponse(body, route));
        }

        /** Makes {@code step} the one to cancel; false (and cancels it) when the request was cancelled meanwhile. */
        private boolean publish(CompletableFuture<?> step) {
            inFlight.set(step);
            if (result.isCancelled()) {
                step.cancel(true);
                return false;
            }
            return true;
        }
    }

    static ChatResponse withoutLogprobs(ChatResponse r) {
        List<Choice> choices = new ArrayList<>(r.choices().size());
        for (Choice c : r.choices()) {
            choices.add(new Choice(c.index(), c.message(), c.finishReason(), (JsonNode) null));
        }
        return new ChatResponse(r.id(), r.created(), r.model(), choices, r.usage(), r.systemFingerprint(), r.extra());
    }
}
