package dev.gearbox.core.cascade;

import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.model.AnswerChunks;
import dev.gearbox.core.model.ChatChunk;

/**
 * Plays a complete, already gated answer to a stream listener as {@link AnswerChunks}; the server
 * appends {@code [DONE]} on {@code onComplete} as for any stream.
 */
public final class StreamReplay {
    private StreamReplay() {
    }

    /** Plays {@code answer} into {@code listener}: onStart, the chunks, onComplete. */
    public static void replay(GatewayResponse answer, boolean includeUsage, GatewayStreamListener listener) {
        listener.onStart(answer.route());
        for (ChatChunk chunk : AnswerChunks.of(answer.response(), includeUsage)) {
            listener.onChunk(chunk);
        }
        listener.onComplete(answer.route());
    }
}
