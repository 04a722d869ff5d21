package dev.gearbox.providers.anthropic;

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
import java.util.List;

/**
 * Relays one Anthropic event stream to a {@link ChunkSink}: each event goes through the
 * translator as soon as it is complete; {@code message_stop} completes the sink; an {@code error}
 * event (named so, or typed so in its data) or an unreadable event fails it and aborts the call. A stream that ends or breaks before
 * {@code message_stop} is a cut stream. An answer that is not an event stream is read whole and
 * mapped to an error. The sink hears exactly one ending, never anything after a cancel.
 */
final class AnthropicStreamRelay implements ResponseListener, StreamHandle {
    private final DeploymentConfig deployment;
    private final AnthropicStreamTranslator translator;
    private final AnthropicErrorMapper errors;
    private final ChunkSink sink;
    private final long maxErrorBodyBytes;
    private final SseParser parser = new SseParser(this::onEvent);
    private volatile boolean ended;
    private volatile UpstreamCall call;
    private BodyCollector nonStreamBody;
    private boolean started;
    private int chunks;

    AnthropicStreamRelay(DeploymentConfig deployment, AnthropicStreamTranslator translator, AnthropicErrorMapper errors,
                         ChunkSink sink, long maxErrorBodyBytes) {
        this.deployment = deployment;
        this.translator = translator;
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
        started = true;
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
        if ("error".equals(event.event())) {
            abort(errors.mapStreamError(event.data()));
            return;
        }
        List<ChatChunk> translated;
        try {
            translated = translator.onEvent(event.data());
        } catch (GatewayException e) {
            abort(e);
            return;
        }
        for (ChatChunk chunk : translated) {
            chunks++;
            sink.onChunk(chunk);
        }
        if (translator.done()) {
            ended = true;
            sink.onComplete();
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
        if (nonStreamBody == null && started && error.kind() == ErrorKind.UPSTREAM_ERROR) {
            end(cut(error.getMessage()));
        } else {
            end(error);
        }
    }

    private GatewayException cut(String why) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                + " stream ended before message_stop after " + chunks + " chunks: " + why);
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
