package dev.gearbox.providers.gemini;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test sink: records chunks and counts endings, so a second ending is visible. */
final class RecordingSink implements ChunkSink {
    final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    final AtomicInteger endings = new AtomicInteger();
    private final CompletableFuture<GatewayException> ended = new CompletableFuture<>();

    @Override
    public void onChunk(ChatChunk chunk) {
        chunks.add(chunk);
    }

    @Override
    public void onComplete() {
        endings.incrementAndGet();
        ended.complete(null);
    }

    @Override
    public void onError(GatewayException error) {
        endings.incrementAndGet();
        ended.complete(error);
    }

    /** The error that ended the stream, or null when it completed. */
    GatewayException await() throws Exception {
        return ended.get(5, TimeUnit.SECONDS);
    }
}
