package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.providers.http.BufferedResponse;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseStreamRelay;
import java.io.IOException;

/**
 * Relays one OpenAI-compatible SSE stream: each {@code data:} event becomes a chunk as soon as it
 * is complete, {@code [DONE]} completes the sink, an error event or an unreadable chunk fails it
 * and aborts the call. The rest of the lifecycle (non-stream answers, cut streams, exactly one
 * ending) is {@link SseStreamRelay}'s.
 */
final class SseChunkRelay extends SseStreamRelay {
    private final OpenAiCodec codec;
    private final ErrorMapping errors;

    SseChunkRelay(DeploymentConfig deployment, OpenAiCodec codec, ErrorMapping errors, ChunkSink sink) {
        super(deployment, "[DONE]", sink, MAX_ERROR_BODY_BYTES);
        this.codec = codec;
        this.errors = errors;
    }

    @Override
    protected void onEvent(SseEvent event) {
        if (event.isDone()) {
            complete();
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
        emit(chunk);
    }

    @Override
    protected GatewayException nonStreamAnswerError(BufferedResponse answer) {
        return errors.mapNonStreamAnswer(answer.status(), answer.headers(), answer.body());
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
}
