package dev.gearbox.core.provider;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;

/**
 * Receives one upstream stream, in order, on one thread at a time. Exactly one of
 * {@link #onComplete()} or {@link #onError(GatewayException)} ends it. An error before any
 * chunk means the stream never started (fallback may move on); after a chunk it is a cut stream.
 */
public interface ChunkSink {
    void onChunk(ChatChunk chunk);

    void onComplete();

    void onError(GatewayException error);
}
