package dev.gearbox.providers.sse;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.http.BodyCollector;
import dev.gearbox.providers.http.BufferedResponse;
import dev.gearbox.providers.http.ResponseListener;
import dev.gearbox.providers.http.UpstreamCall;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Relays one upstream SSE stream to a {@link ChunkSink}; a provider's subclass says what one event
 * means ({@link #onEvent}) and what an answer that is not an event stream means
 * ({@link #nonStreamAnswerError}). This class owns the lifecycle every provider shares:
 * <ul>
 *   <li>a non-200 status or a body that is not {@code text/event-stream} is read whole (bounded)
 *       and mapped to an error;</li>
 *   <li>an event over the parser's size cap, or an event the subclass cannot read, fails the sink
 *       and aborts the call;</li>
 *   <li>a response that ends, or a transport error once the stream is under way, before the
 *       provider's terminal event is a cut stream, reported with the chunk count;</li>
 *   <li>the sink hears exactly one ending, and nothing after {@link #cancel()}, even when the
 *       handle is cancelled before the call is {@linkplain #attach attached}.</li>
 * </ul>
 * Callbacks arrive one at a time on the connection's event loop; {@link #cancel()} may come from any thread.
 */
public abstract class SseStreamRelay implements ResponseListener, StreamHandle {
    /** An error answer to a stream request is read whole; it is never legitimately large. */
    protected static final long MAX_ERROR_BODY_BYTES = 1024L * 1024;

    private final DeploymentConfig deployment;
    private final String terminalEvent;
    private final ChunkSink sink;
    private final long maxErrorBodyBytes;
    private final SseParser parser = new SseParser(this::dispatch);
    private volatile boolean ended;
    private volatile UpstreamCall call;
    private BodyCollector nonStreamBody;
    private boolean headersArrived;
    private int chunks;

    /**
     * @param terminalEvent     how the cut-stream message names the event that ends a whole stream, e.g. {@code [DONE]}
     * @param maxErrorBodyBytes cap on a non-stream answer read whole to map it to an error
     */
    protected SseStreamRelay(DeploymentConfig deployment, String terminalEvent, ChunkSink sink, long maxErrorBodyBytes) {
        this.deployment = deployment;
        this.terminalEvent = terminalEvent;
        this.sink = sink;
        this.maxErrorBodyBytes = maxErrorBodyBytes;
    }

    /** Handles one complete event, only while the stream has not ended: {@link #emit}, {@link #complete} or {@link #abort}. */
    protected abstract void onEvent(SseEvent event);

    /** The error an answer that is not an event stream (an error status, or JSON where SSE was asked for) means. */
    protected abstract GatewayException nonStreamAnswerError(BufferedResponse answer);

    /**
     * The response ended (or broke mid-stream, {@code why} then says how) without the subclass
     * completing the sink. By default that is a {@link #cut} stream; a provider with no terminal
     * event decides here whether the stream was whole.
     */
    protected void onStreamEnd(String why) {
        fail(cut(why));
    }

    /** Whether a transport error now breaks a stream under way (a cut stream) rather than failing the call: once headers arrived. */
    protected boolean streamUnderWay() {
        return headersArrived;
    }

    /** The call to abort if the handle is cancelled or the stream fails; cancels it at once if already cancelled. */
    public final void attach(UpstreamCall upstreamCall) {
        this.call = upstreamCall;
        if (ended) {
            upstreamCall.cancel();
        }
    }

    @Override
    public final void cancel() {
        ended = true;
        cancelCall();
    }

    @Override
    public final void onHeaders(int status, HttpHeaders headers) {
        headersArrived = true;
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
        if (status != 200 || !contentType.toLowerCase().contains("text/event-stream")) {
            nonStreamBody = new BodyCollector(maxErrorBodyBytes);
            nonStreamBody.onHeaders(status, headers);
            nonStreamBody.result().exceptionally(tooLarge -> {
                abort(GatewayException.from(tooLarge));
                return null;
            });
        }
    }

    @Override
    public final void onBody(ByteBuf chunk) {
        if (ended) {
            return;
        }
        if (nonStreamBody != null) {
            nonStreamBody.onBody(chunk);
            return;
        }
        try {
            parser.feed(chunk);
        } catch (GatewayException oversizedEvent) {
            abort(oversizedEvent);
        }
    }

    @Override
    public final void onEnd() {
        if (ended) {
            return;
        }
        if (nonStreamBody != null) {
            nonStreamBody.onEnd();
            nonStreamBody.result().thenAccept(answer -> fail(nonStreamAnswerError(answer)));
            return;
        }
        try {
            // an upstream may close right after its last data line, without the blank line
            parser.finish();
        } catch (GatewayException oversizedEvent) {
            abort(oversizedEvent);
            return;
        }
        if (!ended) {
            onStreamEnd("the response ended");
        }
    }

    @Override
    public final void onError(GatewayException error) {
        if (ended) {
            return;
        }
        if (nonStreamBody == null && streamUnderWay() && error.kind() == ErrorKind.UPSTREAM_ERROR) {
            onStreamEnd(error.getMessage());
        } else {
            fail(error);
        }
    }

    /** Passes one chunk to the sink and counts it for the cut-stream message. */
    protected final void emit(ChatChunk chunk) {
        chunks++;
        sink.onChunk(chunk);
    }

    /** Chunks passed to the sink so far by {@link #emit}. */
    protected final int chunks() {
        return chunks;
    }

    /** Ends the stream as whole. */
    protected final void complete() {
        ended = true;
        sink.onComplete();
    }

    /** Fails the sink and cancels the call: the stream cannot go on. */
    protected final void abort(GatewayException error) {
        fail(error);
        cancelCall();
    }

    /** Fails the sink; the response is over, so there is no call to cancel. */
    protected final void fail(GatewayException error) {
        ended = true;
        sink.onError(error);
    }

    /** The error for a stream that ended before its terminal event. */
    protected final GatewayException cut(String why) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                + " stream ended before " + terminalEvent + " after " + chunks + " chunks: " + why);
    }

    private void dispatch(SseEvent event) {
        if (!ended) {
            onEvent(event);
        }
    }

    private void cancelCall() {
        UpstreamCall c = call;
        if (c != null) {
            c.cancel();
        }
    }
}
