package dev.gearbox.core.fallback;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.routing.Candidate;
import dev.gearbox.core.routing.DeploymentHealth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Sends a non-streamed request to the candidates in order until one answers. A failure the
 * {@link FallbackRule} accepts moves on to the next candidate; any other failure is returned as
 * it is; when every candidate failed, the error lists each attempt. Never blocks: each attempt
 * starts from the previous one's completion. Cancelling the returned future cancels the call in
 * flight and starts no other.
 */
public final class FallbackExecutor {
    private final FallbackRule rule;
    private final DeploymentHealth health;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    public FallbackExecutor(FallbackRule rule, DeploymentHealth health, GatewayMetrics metrics, LongSupplier nanoTime) {
        this.rule = rule;
        this.health = health;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** {@code candidates} must not be empty. */
    public CompletableFuture<GatewayResponse> execute(ChatRequest request, List<Candidate> candidates) {
        return execute(request, candidates, attempt -> { });
    }

    /**
     * As {@link #execute(ChatRequest, List)}; {@code observer} sees each attempt as it ends, failed or
     * not, so a caller that goes on after a failure (a cascade) can still account for it.
     */
    public CompletableFuture<GatewayResponse> execute(ChatRequest request, List<Candidate> candidates,
                                                      Consumer<Attempt> observer) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        return new Run(request, List.copyOf(candidates), observer).start();
    }

    /** One request's loop over its candidates. */
    private final class Run {
        private final ChatRequest request;
        private final List<Candidate> candidates;
        private final AttemptLog log;
        private final CompletableFuture<GatewayResponse> result = new CompletableFuture<>();
        private final AtomicReference<CompletableFuture<ChatResponse>> inFlight = new AtomicReference<>();
        // Only touched by the attempt that is running; completion of one attempt happens-before the next.
        private int next;

        Run(ChatRequest request, List<Candidate> candidates, Consumer<Attempt> observer) {
            this.request = request;
            this.candidates = candidates;
            this.log = new AttemptLog(health, metrics, observer);
        }

        CompletableFuture<GatewayResponse> start() {
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    cancelInFlight();
                }
            });
            tryNext();
            return result;
        }

        private void tryNext() {
            if (result.isDone()) {
                return;
            }
            Candidate candidate = candidates.get(next++);
            long started = nanoTime.getAsLong();
            CompletableFuture<ChatResponse> call = call(candidate);
            inFlight.set(call);
            if (result.isCancelled()) {
                // Cancelled between the check above and publishing the call: cancel it ourselves.
                call.cancel(true);
                return;
            }
            call.whenComplete((response, error) -> finished(candidate, started, response, error));
        }

        private CompletableFuture<ChatResponse> call(Candidate candidate) {
            try {
                return candidate.deployment().provider().complete(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private void finished(Candidate candidate, long started, ChatResponse response, Throwable error) {
            long took = nanoTime.getAsLong() - started;
            if (result.isDone()) {
                return;
            }
            if (error == null && response != null) {
                result.complete(new GatewayResponse(response, log.succeeded(candidate, took)));
                return;
            }
            GatewayException failure = error == null
                    ? GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0, "empty response", null)
                    : GatewayException.from(error);
            log.failed(candidate, took, failure);
            if (!rule.fallsBack(failure)) {
                result.completeExceptionally(failure);
            } else if (next >= candidates.size()) {
                result.completeExceptionally(log.allFailed());
            } else {
                metrics.fallback(candidate.name(), failure.kind());
                tryNext();
            }
        }

        private void cancelInFlight() {
            CompletableFuture<ChatResponse> call = inFlight.get();
            if (call != null) {
                call.cancel(true);
            }
        }
    }
}
