package dev.gearbox.providers.http;

/** A running exchange. {@link #cancel()} closes its connection and silences its listener; idempotent. */
@FunctionalInterface
public interface UpstreamCall {
    void cancel();
}
