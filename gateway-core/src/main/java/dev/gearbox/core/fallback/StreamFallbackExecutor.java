package dev.gearbox.core.fallback;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.routing.Candidate;
import dev.gearbox.core.routing.DeploymentHealth;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Streams a request from the candidates in order. Before the first chunk, a failure the
 * {@link FallbackRule} accepts moves on to the next candidate. The first chunk is the commit
 * point: the listener gets {@code onStart} with the route, then the chunks; a failure after it
 * ends the stream with {@code onError(error, true)}, never a fallback. The listener is terminated
 * exactly once. Cancelling the returned handle cancels the attempt running and starts no other;
 * the listener gets no call that starts after the cancel. Listener calls may happen on the
 * caller's thread before {@code execute} returns (a provider may answer synchronously).
 */
public final class StreamFallbackExecutor {
    private final FallbackRule rule;
    private final DeploymentHealth health;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    public StreamFallbackExecutor(FallbackRule rule, DeploymentHealth health, GatewayMetrics metrics,
                                  LongSupplier nanoTime) {
        this.rule = rule;
        this.health = health;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** {@code candidates} must not be empty. */
    public StreamHandle execute(ChatRequest request, List<Candidate> candidates, GatewayStreamListener listener) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        Run run = new Run(request, List.copyOf(candidates), listener);
        run.tryNext();
        return run;
    }

    /** One request's loop over its candidates. */
    private final class Run implements StreamHandle {
        private final ChatRequest request;
        private final List<Candidate> candidates;
        private final GatewayStreamListener listener;
        private final AttemptLog log = new AttemptLog(health, metrics);
        /** Set once the listener has been terminated or the client cancelled: no more listener calls. */
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicReference<AttemptSink> current = new AtomicReference<>();
        // Advanced by the attempt that is running only; volatile because the next attempt may start on
        // whichever thread the provider calls back on.
        private volatile int next;

        Run(ChatRequest request, List<Candidate> candidates, GatewayStreamListener listener) {
            this.request = request;
            this.candidates = candidates;
            this.listener = listener;
        }

        void tryNext() {
            if (finished.get()) {
                return;
            }
            AttemptSink sink = new AttemptSink(this, candidates.get(next++), nanoTime.getAsLong());
            current.set(sink);
            StreamHandle handle;
            try {
                handle = sink.candidate.deployment().provider().stream(request, sink);
            } catch (RuntimeException e) {
                sink.onError(GatewayException.from(e));
                return;
            }
            sink.attach(handle);
        }

        @Override
        public void cancel() {
            finished.set(true);
            AttemptSink sink = current.get();
            if (sink != null) {
                sink.cancel();
            }
        }

        boolean isFinished() {
            return finished.get();
        }

        void failedBeforeCommit(Candidate candidate, GatewayException failure) {
            if (!rule.fallsBack(failure)) {
                terminate(failure, false);
            } else if (next >= candidates.size()) {
                terminate(log.allFailed(), false);
            } else if (!finished.get()) {
                metrics.fallback(candidate.name(), failure.kind());
                tryNext();
            }
        }

        void terminate(GatewayException error, boolean committed) {
            if (finished.compareAndSet(false, true)) {
                listener.onError(error, committed);
            }
        }

        void complete(RouteInfo route) {
            if (finished.compareAndSet(false, true)) {
                listener.onComplete(route);
            }
        }
    }

    /**
     * Receives one attempt's stream. The provider calls it one callback at a time, possibly from
     * different threads; {@code cancel} may come from any thread.
     */
    private final class AttemptSink implements ChunkSink {
        private final Run run;
        private final Candidate candidate;
        private final long started;
        private volatile StreamHandle handle;
        private volatile boolean cancelRequested;
        private volatile boolean committed;
        private volatile boolean ended;

        AttemptSink(Run run, Candidate candidate, long started) {
            this.run = run;
            this.candidate = candidate;
            this.started = started;
        }

        void attach(StreamHandle h) {
            handle = h;
            if (cancelRequested && h != null) {
                h.cancel();
            }
        }

        void cancel() {
            cancelRequested = true;
            StreamHandle h = handle;
            if (h != null) {
                h.cancel();
            }
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            if (ended || run.isFinished()) {
                return;
            }
            commitIfFirst();
            run.listener.onChunk(chunk);
        }

        @Override
        public void onComplete() {
            if (ended) {
                return;
            }
            ended = true;
            if (run.isFinished()) {
                return;
            }
            // An upstream may end a stream without a chunk; the client still gets a (empty) stream.
            commitIfFirst();
            run.complete(run.log.succeeded(candidate, elapsed()));
        }

        @Override
        public void onError(GatewayException error) {
            if (ended) {
                return;
            }
            ended = true;
            if (run.isFinished()) {
                return;
            }
            GatewayException failure = error == null ? GatewayException.from(new IllegalStateException()) : error;
            run.log.failed(candidate, elapsed(), failure);
            if (committed) {
                run.terminate(failure, true);
            } else {
                run.failedBeforeCommit(candidate, failure);
            }
        }

        private void commitIfFirst() {
            if (!committed) {
                committed = true;
                run.listener.onStart(run.log.preview(candidate, elapsed()));
            }
        }

        private long elapsed() {
            return nanoTime.getAsLong() - started;
        }
    }
}
