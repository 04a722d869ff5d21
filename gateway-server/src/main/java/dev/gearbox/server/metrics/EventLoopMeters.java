package dev.gearbox.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * {@link ServerMeters#EVENT_LOOP_PENDING_TASKS}: the tasks queued on an event loop group, read at
 * scrape time. A non-zero value that keeps growing means something blocks a loop or the loops are
 * saturated.
 */
public final class EventLoopMeters {
    private EventLoopMeters() {
    }

    /** Registers the gauge for {@code group}, tagged {@code group=name}. */
    public static void bind(MeterRegistry registry, String name, EventLoopGroup group) {
        Gauge.builder(ServerMeters.EVENT_LOOP_PENDING_TASKS.meterName(), group, EventLoopMeters::pendingTasks)
                .description(ServerMeters.EVENT_LOOP_PENDING_TASKS.description())
                .tag(ServerMeters.TAG_GROUP, name)
                .register(registry);
    }

    static double pendingTasks(EventLoopGroup group) {
        long pending = 0;
        for (EventExecutor executor : group) {
            if (executor instanceof SingleThreadEventExecutor loop) {
                pending += loop.pendingTasks();
            }
        }
        return pending;
    }
}
