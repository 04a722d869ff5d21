package dev.gearbox.server.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DecisionLogConfig;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.core.telemetry.log.LogLineSink;
import dev.gearbox.server.metrics.ServerMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decision-log lines on its own thread. {@link #offer(LogLine)} only enqueues into a bounded
 * queue and never blocks: when the queue is full the line is dropped and counted
 * ({@code gearbox.decision.log.lines{result=dropped}}), so a slow disk can never slow a request.
 * Lines are serialised and written by the writer thread and flushed after each batch. An I/O error
 * is counted and logged (once per burst), and the writer keeps going with the next line.
 */
public final class DecisionLogWriter implements LogLineSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLogWriter.class);
    private static final int BATCH = 256;
    private static final long POLL_MILLIS = 200;

    private final BlockingQueue<LogLine> queue;
    private final RotatingLogFile file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;

    /** Opens the log folder (creating it) without starting the writer thread; see {@link #start()}. */
    DecisionLogWriter(DecisionLogConfig config, Clock clock, MeterRegistry registry) {
        try {
            this.file = new RotatingLogFile(config.directory(), config.maxFileBytes(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the decision log folder " + config.directory(), e);
        }
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.written = lines(registry, "written");
        this.dropped = lines(registry, "dropped");
        this.failed = lines(registry, "failed");
        Gauge.builder(ServerMeters.DECISION_LOG_QUEUE.meterName(), queue, BlockingQueue::size)
                .description(ServerMeters.DECISION_LOG_QUEUE.description())
                .register(registry);
        this.thread = new Thread(this::run, "gearbox-decision-log");
        this.thread.setDaemon(true);
    }

    /** A started writer for {@code config}; fails when the folder cannot be created. */
    public static DecisionLogWriter start(DecisionLogConfig config, Clock clock, MeterRegistry registry) {
        DecisionLogWriter writer = new DecisionLogWriter(config, clock, registry);
        writer.start();
        return writer;
    }

    void start() {
        thread.start();
    }

    @Override
    public boolean offer(LogLine line) {
        if (!closed && queue.offer(line)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Writes what is queued, then stops the thread and closes the file. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (thread.isAlive()) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } else {
            drain();
            closeFile();
        }
    }

    private void run() {
        try {
            while (!closed || !queue.isEmpty()) {
                LogLine first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<LogLine> batch = new ArrayList<>(BATCH);
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeFile();
        }
    }

    private void drain() {
        List<LogLine> rest = new ArrayList<>();
        queue.drainTo(rest);
        write(rest);
    }

    private void write(List<LogLine> batch) {
        for (LogLine line : batch) {
            try {
                file.append(mapper.writeValueAsString(line));
                written.increment();
                failing = false;
            } catch (IOException e) {
                failed.increment();
                if (!failing) {
                    LOG.warn("cannot write the decision log: {}", e.toString());
                    failing = true;
                }
            }
        }
        try {
            file.flush();
        } catch (IOException e) {
            LOG.warn("cannot flush the decision log: {}", e.toString());
        }
    }

    private void closeFile() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("cannot close the decision log: {}", e.toString());
        }
    }

    private static Counter lines(MeterRegistry registry, String result) {
        return Counter.builder(ServerMeters.DECISION_LOG_LINES.meterName())
                .description(ServerMeters.DECISION_LOG_LINES.description())
                .tag(ServerMeters.TAG_RESULT, result)
                .register(registry);
    }
}
