package dev.gearbox.providers.testing;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test sink for a provider's stream: records chunks and counts endings, so a second ending is visible. */
public class RecordingSink implements ChunkSink {
    public final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    public final AtomicInteger endings = new AtomicInteger();
    public volatile boolean completed;
    private final CompletableFuture<GatewayException> ended = new CompletableFuture<>();

    @Override
    public void onChunk(ChatChunk chunk) {
        chunks.add(chunk);
    }

    @Override
    public void onComplete() {
        completed = true;
        endings.incrementAndGet();
        ended.complete(null);
    }

    @Override
    public void onError(GatewayException error) {
        endings.incrementAndGet();
        ended.complete(error);
    }

    /** Waits for the ending: null when the stream completed, else the error that ended it. */
    public GatewayException await() throws Exception {
        return ended.get(5, TimeUnit.SECONDS);
    }

    /** Whether the stream has ended yet (it must not have, e.g. after a cancel). */
    public boolean hasEnded() {
        return ended.isDone();
    }
}
