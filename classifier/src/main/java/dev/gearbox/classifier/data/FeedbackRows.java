package dev.gearbox.classifier.data;

import dev.gearbox.config.Tier;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns labeled decision-log requests into routing rows (the active-learning loop). The router's
 * target is whether the strong model is needed; the shipped model's weak side is a balanced-class
 * model, so answers from the fast and balanced tiers stand for the weak model. Per request the
 * newest feedback wins:
 * <ul>
 *   <li>label {@code fast} or {@code balanced}: the weak model suffices (weak 1, strong 1);</li>
 *   <li>label {@code frontier}: the strong model was needed (weak 0, strong 1);</li>
 *   <li>a {@code score} q, or {@code good} (1) / {@code bad} (0), on an answer from the fast or
 *       balanced tier: the weak model's quality (weak q, strong 1);</li>
 *   <li>a score or good/bad on a frontier answer says nothing about the weak model: skipped.</li>
 * </ul>
 * Rows are {@code binary}-scale, source {@code decision-log}, domain the request class. Only logs
 * written with {@code include_text: true} carry the prompt a row needs.
 */
public final class FeedbackRows {
    public static final String SOURCE = "decision-log";

    /** The rows, and how many labeled requests could not become one, by reason. */
    public record Result(List<RoutingRow> rows, int withoutText, int withoutDecision, int notAboutTheWeakModel) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private FeedbackRows() {
    }

    public static Result of(DecisionLog log) {
        Map<String, DecisionLine> decisions = new LinkedHashMap<>();
        for (DecisionLine d : log.decisions()) {
            decisions.put(d.requestId(), d);
        }
        Map<String, FeedbackLine> newest = new LinkedHashMap<>();
        for (FeedbackLine f : log.feedback()) {
            newest.put(f.requestId(), f);
        }
        List<RoutingRow> rows = new ArrayList<>();
        int withoutText = 0;
        int withoutDecision = 0;
        int notWeak = 0;
        for (FeedbackLine f : newest.values()) {
            DecisionLine d = decisions.get(f.requestId());
            if (d == null) {
                withoutDecision++;
                continue;
            }
            if (!d.hasText() || d.prompt().stream().noneMatch(m -> "user".equals(m.role()))) {
                withoutText++;
                continue;
            }
            double[] scores = scores(f, d);
            if (scores == null) {
                notWeak++;
                continue;
            }
            List<RoutingRow.RowMessage> messages = d.prompt().stream()
                    .map(m -> new RoutingRow.RowMessage(m.role(), m.content())).toList();
            rows.add(new RoutingRow(d.requestId(), SOURCE, d.requestClass(), "binary", messages, scores[0], scores[1],
                    weakTier(d.tier()) ? d.answer() : null, weakTier(d.tier()) ? null : d.answer()));
        }
        return new Result(rows, withoutText, withoutDecision, notWeak);
    }

    /** {weak, strong}, or null when the feedback says nothing about the weak model. */
    private static double[] scores(FeedbackLine f, DecisionLine d) {
        String label = f.label();
        if (Tier.FAST.wire().equals(label) || Tier.BALANCED.wire().equals(label)) {
            return new double[] {1, 1};
        }
        if (Tier.FRONTIER.wire().equals(label)) {
            return new double[] {0, 1};
        }
        if (!weakTier(d.tier())) {
            return null;
        }
        if (f.score() != null) {
            return new double[] {f.score(), 1};
        }
        return new double[] {FeedbackLine.GOOD.equals(label) ? 1 : 0, 1};
    }

    private static boolean weakTier(String tier) {
        return Tier.FAST.wire().equals(tier) || Tier.BALANCED.wire().equals(tier);
    }
}
