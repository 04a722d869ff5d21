package dev.gearbox.providers.anthropic;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.providers.http.BufferedResponse;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseStreamRelay;
import java.util.List;

/**
 * Relays one Anthropic event stream: each event goes through the translator as soon as it is
 * complete and may yield several chunks; {@code message_stop} (the translator says when) completes
 * the sink; an {@code error} event (named so, or typed so in its data) or an unreadable event fails
 * it and aborts the call. The rest of the lifecycle (non-stream answers, cut streams, exactly one
 * ending) is {@link SseStreamRelay}'s.
 */
final class AnthropicStreamRelay extends SseStreamRelay {
    private final AnthropicStreamTranslator translator;
    private final AnthropicErrorMapper errors;

    AnthropicStreamRelay(DeploymentConfig deployment, AnthropicStreamTranslator translator, AnthropicErrorMapper errors,
                         ChunkSink sink) {
        super(deployment, "message_stop", sink, MAX_ERROR_BODY_BYTES);
        this.translator = translator;
        this.errors = errors;
    }

    @Override
    protected void onEvent(SseEvent event) {
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
        translated.forEach(this::emit);
        if (translator.done()) {
            complete();
        }
    }

    @Override
    protected GatewayException nonStreamAnswerError(BufferedResponse answer) {
        return errors.mapNonStreamAnswer(answer.status(), answer.headers(), answer.body());
    }
}
