package dev.gearbox.core.telemetry.log;

/** Where decision-log lines go (the server's file writer). Never blocks. */
@FunctionalInterface
public interface LogLineSink {
    /** Queues a line; false when it was dropped (queue full or writer closed). */
    boolean offer(LogLine line);
}
