package dev.gearbox.providers.simulator;

import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import java.time.Duration;
import java.util.List;

/**
 * Plays timed chunks into a sink, one scheduled step at a time (no thread ever sleeps): each step
 * sends every chunk that is due and schedules the next step for the following due time. After
 * the last chunk the sink completes. {@link #cancel()} stops scheduling; the sink hears nothing more.
 */
final class StreamPlayback implements StreamHandle {
    private final List<StreamScript.TimedChunk> chunks;
    private final ChunkSink sink;
    private final TaskScheduler scheduler;
    private int next;
    private volatile boolean cancelled;
    private volatile TaskScheduler.ScheduledTask pending;

    StreamPlayback(List<StreamScript.TimedChunk> chunks, ChunkSink sink, TaskScheduler scheduler) {
        this.chunks = List.copyOf(chunks);
        this.sink = sink;
        this.scheduler = scheduler;
    }

    StreamPlayback start() {
        scheduleStep(chunks.isEmpty() ? Duration.ZERO : chunks.get(0).at());
        return this;
    }

    private void scheduleStep(Duration delay) {
        pending = scheduler.schedule(delay, this::step);
        if (cancelled) {
            pending.cancel();
        }
    }

    private void step() {
        if (cancelled) {
            return;
        }
        Duration now = next < chunks.size() ? chunks.get(next).at() : Duration.ZERO;
        while (next < chunks.size() && chunks.get(next).at().equals(now)) {
            sink.onChunk(chunks.get(next++).chunk());
            if (cancelled) {
                return;
            }
        }
        if (next < chunks.size()) {
            scheduleStep(chunks.get(next).at().minus(now));
        } else {
            sink.onComplete();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        TaskScheduler.ScheduledTask p = pending;
        if (p != null) {
            p.cancel();
        }
    }
}
