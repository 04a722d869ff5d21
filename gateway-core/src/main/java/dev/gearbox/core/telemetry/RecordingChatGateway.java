package dev.gearbox.core.telemetry;

import dev.gearbox.core.cost.CostAccountant;
import dev.gearbox.core.cost.RequestCost;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.metrics.MeterTags;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.StreamHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost stage: sees each request's final {@link RouteInfo}, prices it and hands one
 * {@link RequestRecord} to every recorder (meters, decision log, shadow) after the client has its
 * answer. Streams are recorded when they complete, fail or are cancelled. So that streamed
 * tokens can be priced, upstream streams always ask for usage; the usage-only chunk is passed on
 * only to clients that asked for it themselves. A recorder that throws is logged and skipped: it
 * never affects the client.
 */
public final class RecordingChatGateway implements ChatGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingChatGateway.class);

    private final ChatGateway delegate;
    private final CostAccountant costs;
    private final List<RequestRecorder> recorders;
    private final boolean captureText;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param captureText keep the answer text in the record (the decision log's {@code include_text})
     * @param nanoTime    the clock of {@link RequestContext#startNanos()}
     */
    public RecordingChatGateway(ChatGateway delegate, CostAccountant costs, List<RequestRecorder> recorders,
                                boolean captureText, Clock clock, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.costs = costs;
        this.recorders = List.copyOf(recorders);
        this.captureText = captureText;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
        Instant received = clock.instant();
        CompletableFuture<GatewayResponse> inner = delegate.complete(request, context);
        CompletableFuture<GatewayResponse> outer = new CompletableFuture<>();
        outer.whenComplete((r, e) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        inner.whenComplete((response, error) -> {
            long total = nanoTime.getAsLong() - context.startNanos();
            if (error == null) {
                outer.complete(response);
                Usage usage = response.response().usage();
                String answer = captureText ? response.response().firstText() : null;
                record(context, received, request, false, MeterTags.OK, null, response.route(), usage, answer, total, -1);
            } else {
                outer.completeExceptionally(error);
                boolean cancelled = error instanceof CancellationException || outer.isCancelled();
                GatewayException ge = cancelled ? null : GatewayException.from(error);
                record(context, received, request, false, cancelled ? MeterTags.CANCELLED : GatewayMetrics.outcome(ge.kind()),
                        ge == null ? null : ge.getMessage(), null, null, null, total, -1);
            }
        });
        return outer;
    }

    @Override
    public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener) {
        Instant received = clock.instant();
        StreamRecorder recording = new StreamRecorder(listener, request, context, received);
        StreamHandle handle = delegate.stream(request.withStream(true, true), context, recording);
        return () -> {
            handle.cancel();
            recording.cancelled();
        };
    }

    private void record(RequestContext context, Instant received, ChatRequest request, boolean stream, String outcome,
                        String errorMessage, RouteInfo route, Usage usage, String answer, long totalNanos,
                        long firstTokenNanos) {
        boolean cacheHit = route != null && route.cache() != null && route.cache().status().hit();
        RequestCost cost = route == null ? RequestCost.NONE : costs.cost(route, usage, cacheHit);
        RequestRecord record = new RequestRecord(context.requestId(), received, context.tenant(), request, stream,
                outcome, errorMessage, route, usage, answer, totalNanos, firstTokenNanos, cost);
        for (RequestRecorder recorder : recorders) {
            try {
                recorder.record(record);
            } catch (RuntimeException e) {
                LOG.warn("request recorder {} failed: {}", recorder.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Passes a stream through, noting its first chunk, usage and text, and records it once at its end. */
    private final class StreamRecorder implements GatewayStreamListener {
        private final GatewayStreamListener client;
        private final ChatRequest request;
        private final RequestContext context;
        private final Instant received;
        private final AtomicBoolean recorded = new AtomicBoolean();
        private final StringBuilder text;
        private volatile RouteInfo started;
        private volatile long firstChunkNanos = -1;
        private volatile Usage usage;

        StreamRecorder(GatewayStreamListener client, ChatRequest request, RequestContext context, Instant received) {
            this.client = client;
            this.request = request;
            this.context = context;
            this.received = received;
            this.text = captureText ? new StringBuilder() : null;
        }

        @Override
        public void onStart(RouteInfo route) {
            started = route;
            client.onStart(route);
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            if (firstChunkNanos < 0) {
                firstChunkNanos = nanoTime.getAsLong() - context.startNanos();
            }
            if (chunk.usage() != null) {
                usage = chunk.usage();
            }
            if (text != null) {
                appendText(chunk);
            }
            if (chunk.isUsageOnly() && !request.includeUsage()) {
                return; // asked for by Gearbox, not by the client
            }
            client.onChunk(chunk);
        }

        @Override
        public void onComplete(RouteInfo route) {
            client.onComplete(route);
            finish(MeterTags.OK, null, route);
        }

        @Override
        public void onError(GatewayException error, boolean committed) {
            client.onError(error, committed);
            finish(GatewayMetrics.outcome(error.kind()), error.getMessage(), started);
        }

        void cancelled() {
            finish(MeterTags.CANCELLED, null, started);
        }

        private void finish(String outcome, String errorMessage, RouteInfo route) {
            if (recorded.compareAndSet(false, true)) {
                String answer = null;
                if (text != null) {
                    synchronized (text) {
                        answer = text.toString();
                    }
                }
                record(context, received, request, true, outcome, errorMessage, route, usage, answer,
                        nanoTime.getAsLong() - context.startNanos(), firstChunkNanos);
            }
        }

        private void appendText(ChatChunk chunk) {
            synchronized (text) {
                for (ChunkChoice choice : chunk.choices()) {
                    if (choice.index() == 0 && choice.delta() != null && choice.delta().content() != null) {
                        text.append(choice.delta().content());
                    }
                }
            }
        }
    }
}
