package dev.gearbox.providers.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Virtual-time scheduler for tests: tasks run only when {@link #advance(Duration)} passes their due time. */
final class ManualScheduler implements TaskScheduler {
    private record Entry(long dueNanos, long order, Runnable task, boolean[] cancelled) {
    }

    private final List<Entry> queue = new ArrayList<>();
    private long nowNanos;
    private long order;

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Entry(nowNanos + Math.max(0, delay.toNanos()), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, running every task that falls due on the way, in order. */
    void advance(Duration by) {
        long target = nowNanos + by.toNanos();
        while (true) {
            Entry next = queue.stream()
                    .filter(e -> !e.cancelled()[0] && e.dueNanos() <= target)
                    .min(Comparator.comparingLong(Entry::dueNanos).thenComparingLong(Entry::order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            queue.remove(next);
            nowNanos = next.dueNanos();
            next.task().run();
        }
        nowNanos = target;
    }

    Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    int pendingTasks() {
        return (int) queue.stream().filter(e -> !e.cancelled()[0]).count();
    }
}
