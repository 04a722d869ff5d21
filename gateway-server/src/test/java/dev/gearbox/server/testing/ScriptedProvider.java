package dev.gearbox.server.testing;

import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * A provider that answers "hello from NAME" on its own thread, streamed as three chunks; when
 * {@code hang} is set, a stream sends one chunk and then waits until cancelled ({@link #cancelled}).
 */
public final class ScriptedProvider implements ChatProvider {
    public final CountDownLatch cancelled = new CountDownLatch(1);
    private final String name;
    private final boolean hang;
    private final Executor thread;

    public ScriptedProvider(String name, boolean hang, Executor thread) {
        this.name = name;
        this.hang = hang;
        this.thread = thread;
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        return CompletableFuture.supplyAsync(() -> new ChatResponse("chatcmpl-" + name, 1_700_000_000L, name,
                List.of(new Choice(0, Message.of(Role.ASSISTANT, "hello from " + name), "stop", null)),
                Usage.of(5, 3), null, Map.of()), thread);
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        thread.execute(() -> {
            sink.onChunk(chunk(new Delta(Role.ASSISTANT, "hello", List.of(), Map.of()), null));
            if (hang) {
                return;
            }
            sink.onChunk(chunk(Delta.content(" from " + name), null));
            sink.onChunk(chunk(new Delta(null, null, List.of(), Map.of()), "stop"));
            sink.onComplete();
        });
        return cancelled::countDown;
    }

    private ChatChunk chunk(Delta delta, String finishReason) {
        return new ChatChunk("chatcmpl-" + name, 1_700_000_000L, name,
                List.of(new ChunkChoice(0, delta, finishReason, null)), null, null, Map.of());
    }
}
