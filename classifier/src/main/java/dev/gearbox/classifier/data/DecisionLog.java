package dev.gearbox.classifier.data;

import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.ShadowLine;
import java.util.List;

/** The lines of one or more decision-log files, by kind, in file order. */
public record DecisionLog(List<DecisionLine> decisions, List<FeedbackLine> feedback, List<ShadowLine> shadows) {
    public DecisionLog {
        decisions = List.copyOf(decisions);
        feedback = List.copyOf(feedback);
        shadows = List.copyOf(shadows);
    }
}
