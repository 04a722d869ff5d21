package dev.gearbox.server.http;

/** Told once about every finished exchange (metrics). Called on the connection's event loop. */
@FunctionalInterface
public interface ExchangeRecorder {
    ExchangeRecorder NONE = (route, outcome, durationNanos) -> { };

    void record(String route, ExchangeOutcome outcome, long durationNanos);
}
