package dev.gearbox.providers.simulator;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay without blocking a thread. The simulator takes this instead of a
 * concrete executor so tests can drive virtual time; {@link #of(ScheduledExecutorService)} adapts
 * any scheduled executor, including a Netty {@code EventExecutorGroup}.
 */
@FunctionalInterface
public interface TaskScheduler {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run. */
    ScheduledTask schedule(Duration delay, Runnable task);

    /** A task waiting to run. */
    @FunctionalInterface
    interface ScheduledTask {
        void cancel();
    }

    static TaskScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
