package dev.gearbox.core.provider;

/** A running upstream stream; {@link #cancel()} aborts it (the client went away) and is idempotent. */
@FunctionalInterface
public interface StreamHandle {
    void cancel();
}
