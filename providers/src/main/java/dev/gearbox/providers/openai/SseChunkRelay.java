package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.http.BodyCollector;
import dev.gearbox.providers.http.ResponseListener;
import dev.gearbox.providers.http.UpstreamCall;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseParser;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;

/**
 * Relays one upstream SSE stream to a {@link ChunkSink}: each {@code data:} event becomes a chunk
 * as soon as it is complete, {@code [DONE]} completes the sink, an error event or an unreadable
 * chunk fails it and aborts the call. A stream that ends or breaks before {@code [DONE]} is a
 * cut stream. An answer that is not an event stream (an error status, or JSON where SSE was
 * asked for) is read whole and mapped to an error. The sink hears exactly one ending, never
 * anything after a cancel.
 */
final class SseChunkRelay implements ResponseListener, StreamHandle {

    private final DeploymentConfig deployment;
    private final OpenAiCodec codec;
    private final ErrorMapping errors;
    private final ChunkSink sink;
    private final long maxErrorBodyBytes;
    private final SseParser parser = new SseParser(this::onEvent);
    private volatile boolean ended;
    private volatile UpstreamCall call;
    private BodyCollector nonStreamBody;
    private int status;
    private HttpHeaders headers;
    private int chunks;

    SseChunkRelay(DeploymentConfig deployment, OpenAiCodec codec, ErrorMapping errors, ChunkSink sink,
                  long maxErrorBodyBytes) {
        this.deployment = deployment;
        this.codec = codec;
        this.errors = errors;
        this.sink = sink;
        this.maxErrorBodyBytes = maxErrorBodyBytes;
    }

    void attach(UpstreamCall upstreamCall) {
        this.call = upstreamCall;
        if (ended) {
            upstreamCall.cancel();
        }
    }

    @Override
    public void cancel() {
        ended = true;
        UpstreamCall c = call;
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public void onHeaders(int status, HttpHeaders headers) {
        this.status = status;
        this.headers = headers;
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
    public void onBody(ByteBuf chunk) {
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

    private void onEvent(SseEvent event) {
        if (ended) {
            return;
        }
        if (event.isDone()) {
            ended = true;
            sink.onComplete();
            return;
        }
        if (isErrorEvent(event)) {
            abort(errors.mapStreamError(event.data()));
            return;
        }
        ChatChunk chunk;
        try {
            chunk = codec.readChunk(event.data());
        } catch (GatewayException e) {
            abort(e);
            return;
        }
        chunks++;
        sink.onChunk(chunk);
    }

    /** An {@code event: error}, or a data object carrying {@code "error"} instead of choices. */
    private boolean isErrorEvent(SseEvent event) {
        if ("error".equals(event.event())) {
            return true;
        }
        if (!event.data().contains("\"error\"")) {
            return false;
        }
        try {
            JsonNode node = codec.mapper().readTree(event.data());
            return node != null && node.isObject() && node.hasNonNull("error") && !node.has("choices");
        } catch (IOException notJson) {
            return false;
        }
    }

    @Override
    public void onEnd() {
        if (ended) {
            return;
        }
        if (nonStreamBody != null) {
            nonStreamBody.onEnd();
            nonStreamBody.result().thenAccept(r -> end(errors.mapNonStreamAnswer(r.status(), r.headers(), r.body())));
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
            end(cut("the response ended"));
        }
    }

    @Override
    public void onError(GatewayException error) {
        if (ended) {
            return;
        }
        if (nonStreamBody == null && headers != null && error.kind() == ErrorKind.UPSTREAM_ERROR) {
            end(cut(error.getMessage()));
        } else {
            end(error);
        }
    }

    private GatewayException cut(String why) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                + " stream ended before [DONE] after " + chunks + " chunks: " + why);
    }

    private void abort(GatewayException error) {
        end(error);
        UpstreamCall c = call;
        if (c != null) {
            c.cancel();
        }
    }

    private void end(GatewayException error) {
        ended = true;
        sink.onError(error);
    }
}
