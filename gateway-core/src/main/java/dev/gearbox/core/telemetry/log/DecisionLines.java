package dev.gearbox.core.telemetry.log;

import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cost.AttemptCost;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.telemetry.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link RequestRecord} into its {@link DecisionLine}; text only when asked to. */
public final class DecisionLines {
    private static final double NANOS_PER_MS = 1e6;

    private DecisionLines() {
    }

    public static DecisionLine of(RequestRecord r, boolean includeText, String baselineDeployment) {
        RouteInfo route = r.route();
        RoutingDecision decision = route == null ? null : route.decision();
        CascadeTrace cascade = route == null ? null : route.cascade();
        Double ttft = r.firstTokenNanos() < 0 ? null : millis(r.firstTokenNanos());
        return new DecisionLine(
                r.requestId(),
                r.receivedAt().toString(),
                r.tenant(),
                r.request().model(),
                r.stream(),
                r.outcome(),
                r.errorMessage(),
                r.requestClass(),
                decision == null ? null : decision.score(),
                decision == null ? null : decision.confidence(),
                decision == null ? null : decision.rule(),
                route == null || route.tier() == null ? null : route.tier().wire(),
                route == null ? null : route.deployment(),
                cascade == null ? DecisionLine.PLAN_ROUTE : DecisionLine.PLAN_CASCADE,
                cascade == null ? null : cascade(cascade),
                route == null || route.cache() == null ? null : route.cache().status().wire(),
                route == null || route.cache() == null ? null : route.cache().similarity(),
                route == null ? List.of() : attempts(route.attempts(), r.cost().attempts()),
                new DecisionLine.Latency(millis(r.totalNanos()), millis(r.upstreamNanos()), millis(r.overheadNanos()), ttft),
                r.usage() == null ? null : (long) r.usage().promptTokens(),
                r.usage() == null ? null : (long) r.usage().completionTokens(),
                r.cost().costUsd(),
                r.cost().baselineUsd(),
                baselineDeployment,
                includeText ? prompt(r.request().messages()) : null,
                includeText ? r.answer() : null);
    }

    private static List<DecisionLine.AttemptEntry> attempts(List<Attempt> attempts, List<AttemptCost> costs) {
        List<DecisionLine.AttemptEntry> out = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            AttemptCost c = i < costs.size() ? costs.get(i) : null;
            out.add(new DecisionLine.AttemptEntry(a.deployment(), a.tier() == null ? null : a.tier().wire(),
                    GatewayMetrics.outcome(a.error()), a.upstreamStatus() == 0 ? null : a.upstreamStatus(),
                    millis(a.latencyNanos()), c == null ? 0 : c.inputTokens(), c == null ? 0 : c.outputTokens(),
                    c == null ? 0 : c.costUsd()));
        }
        return out;
    }

    private static DecisionLine.CascadeEntry cascade(CascadeTrace trace) {
        List<DecisionLine.VerdictEntry> verdicts = new ArrayList<>();
        for (GateVerdict v : trace.verdicts()) {
            if (v instanceof GateVerdict.Escalate e) {
                verdicts.add(new DecisionLine.VerdictEntry(e.gate(), "escalate", e.reason()));
            } else if (v instanceof GateVerdict.Accept) {
                verdicts.add(new DecisionLine.VerdictEntry(v.gate(), "accept", null));
            } else {
                verdicts.add(new DecisionLine.VerdictEntry(v.gate(), "abstain", null));
            }
        }
        return new DecisionLine.CascadeEntry(trace.startTier() == null ? null : trace.startTier().wire(),
                trace.escalated(), verdicts);
    }

    private static List<DecisionLine.PromptMessage> prompt(List<Message> messages) {
        return messages.stream().map(m -> new DecisionLine.PromptMessage(m.role().wire(), m.text())).toList();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / NANOS_PER_MS * 1000) / 1000.0;
    }
}
