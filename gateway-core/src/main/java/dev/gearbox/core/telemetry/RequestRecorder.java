package dev.gearbox.core.telemetry;

/**
 * Receives every finished request. Called on whatever thread finished it (often an event loop):
 * an implementation must return at once, never block and never throw.
 */
@FunctionalInterface
public interface RequestRecorder {
    void record(RequestRecord record);
}
