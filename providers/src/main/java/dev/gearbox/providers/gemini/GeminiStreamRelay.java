package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Relays one Gemini SSE stream to a {@link ChunkSink} through a {@link GeminiStreamTranslator}. Gemini
 * sends no {@code [DONE]}: the stream is whole when the response ends after every candidate finished;
 * ending earlier is a cut stream. Then the usage chunk (when the client asked for it) and the
 * completion follow. An {@code error} object in the stream, an unreadable event, or an answer that is
 * not an event stream fails the sink. The sink hears exactly one ending, never anything after a cancel.
 */
final class GeminiStreamRelay implements ResponseListener, StreamHandle {
    private final DeploymentConfig deployment;
    private final ObjectMapper mapper;
    private final GeminiStreamTranslator translator;
    private final GeminiErrorMapper errors;
    private final ChunkSink sink;
    private final boolean includeUsage;
    private final long maxErrorBodyBytes;
    private final SseParser parser = new SseParser(this::onEvent);
    private volatile boolean ended;
    private volatile UpstreamCall call;
    private BodyCollector nonStreamBody;
    private int chunks;

    GeminiStreamRelay(DeploymentConfig deployment, ObjectMapper mapper, GeminiStreamTranslator translator,
                      GeminiErrorMapper errors, ChunkSink sink, boolean includeUsage, long maxErrorBodyBytes) {
        this.deployment = deployment;
        this.mapper = mapper;
        this.translator = translator;
        this.errors = errors;
        this.sink = sink;
        this.includeUsage = includeUsage;
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
        ChatChunk chunk;
        try {
            JsonNode tree = parse(event.data());
            if (tree.hasNonNull("error")) {
                abort(errors.mapStreamError(tree));
                return;
            }
            chunk = translator.onEvent(tree);
        } catch (GatewayException e) {
            abort(e);
            return;
        }
        if (chunk != null) {
            chunks++;
            sink.onChunk(chunk);
        }
    }

    private JsonNode parse(String data) {
        try {
            JsonNode tree = mapper.readTree(data);
            if (tree == null || !tree.isObject()) {
                throw GeminiResponseTranslator.invalid("stream event is not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw GeminiResponseTranslator.invalid("stream event is not valid JSON");
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
            // Gemini may close right after its last data line, without the blank line
            parser.finish();
        } catch (GatewayException oversizedEvent) {
            abort(oversizedEvent);
            return;
        }
        if (!ended) {
            finishOr("the response ended");
        }
    }

    @Override
    public void onError(GatewayException error) {
        if (ended) {
            return;
        }
        if (nonStreamBody == null && chunks > 0 && error.kind() == ErrorKind.UPSTREAM_ERROR) {
            finishOr(error.getMessage());
        } else {
            end(error);
        }
    }

    /** Completes the sink when every candidate finished, else reports a cut stream. */
    private void finishOr(String why) {
        if (!translator.finished()) {
            end(new GatewayException(ErrorKind.UPSTREAM_ERROR, "upstream " + deployment.name()
                    + " stream ended before Gemini's finishReason after " + chunks + " chunks: " + why));
            return;
        }
        ended = true;
        ChatChunk usage = includeUsage ? translator.usageChunk() : null;
        if (usage != null) {
            sink.onChunk(usage);
        }
        sink.onComplete();
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
