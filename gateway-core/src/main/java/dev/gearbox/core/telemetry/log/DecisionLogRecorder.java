package dev.gearbox.core.telemetry.log;

import dev.gearbox.core.telemetry.RequestRecord;
import dev.gearbox.core.telemetry.RequestRecorder;

/** Writes one {@link DecisionLine} per finished request to the log's sink (which drops, never blocks, when full). */
public final class DecisionLogRecorder implements RequestRecorder {
    private final LogLineSink sink;
    private final boolean includeText;
    private final String baselineDeployment;

    public DecisionLogRecorder(LogLineSink sink, boolean includeText, String baselineDeployment) {
        this.sink = sink;
        this.includeText = includeText;
        this.baselineDeployment = baselineDeployment;
    }

    @Override
    public void record(RequestRecord record) {
        sink.offer(DecisionLines.of(record, includeText, baselineDeployment));
    }
}
