package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.providers.http.BufferedResponse;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseStreamRelay;
import java.io.IOException;

/**
 * Relays one Gemini SSE stream through a {@link GeminiStreamTranslator}. Gemini sends no
 * {@code [DONE]}: the stream is whole when the response ends after every candidate finished;
 * ending earlier is a cut stream. Then the usage chunk (when the client asked for it) and the
 * completion follow. An {@code error} object in the stream or an unreadable event fails the sink
 * and aborts the call. The rest of the lifecycle (non-stream answers, exactly one ending) is
 * {@link SseStreamRelay}'s.
 */
final class GeminiStreamRelay extends SseStreamRelay {
    private final ObjectMapper mapper;
    private final GeminiStreamTranslator translator;
    private final GeminiErrorMapper errors;
    private final boolean includeUsage;

    GeminiStreamRelay(DeploymentConfig deployment, ObjectMapper mapper, GeminiStreamTranslator translator,
                      GeminiErrorMapper errors, ChunkSink sink, boolean includeUsage) {
        super(deployment, "Gemini's finishReason", sink, MAX_ERROR_BODY_BYTES);
        this.mapper = mapper;
        this.translator = translator;
        this.errors = errors;
        this.includeUsage = includeUsage;
    }

    @Override
    protected void onEvent(SseEvent event) {
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
            emit(chunk);
        }
    }

    @Override
    protected GatewayException nonStreamAnswerError(BufferedResponse answer) {
        return errors.mapNonStreamAnswer(answer.status(), answer.headers(), answer.body());
    }

    /** Completes the sink when every candidate finished, else reports a cut stream. */
    @Override
    protected void onStreamEnd(String why) {
        if (!translator.finished()) {
            fail(cut(why));
            return;
        }
        ChatChunk usage = includeUsage ? translator.usageChunk() : null;
        if (usage != null) {
            emit(usage);
        }
        complete();
    }

    /** A transport error before the first chunk fails the call as it is, not as a cut stream. */
    @Override
    protected boolean streamUnderWay() {
        return chunks() > 0;
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
}
