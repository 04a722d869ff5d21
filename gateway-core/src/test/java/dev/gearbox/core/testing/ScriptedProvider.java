package dev.gearbox.core.testing;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A fake deployment that plays one scripted step per call, in order, synchronously. A call with
 * no step left fails the test. "Hang" steps keep the call open so a test can cancel or finish it.
 */
public final class ScriptedProvider implements ChatProvider {
    private final String name;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private CompletableFuture<ChatResponse> pending;
    private ChunkSink pendingSink;
    private int streamCancels;
    private boolean closed;

    public ScriptedProvider(String name) {
        this.name = name;
    }

    private sealed interface Step {
    }

    private record Answer(String text) implements Step {
    }

    private record Fail(GatewayException error) implements Step {
    }

    private record Respond(ChatResponse response) implements Step {
    }

    private record ChunksThenFail(int chunks, GatewayException error) implements Step {
    }

    private record Hang() implements Step {
    }

    private record Throw(RuntimeException error) implements Step {
    }

    public ScriptedProvider answer(String text) {
        steps.add(new Answer(text));
        return this;
    }

    /** Answers a complete() call with this exact response (finish reason, logprobs, tool calls, usage). */
    public ScriptedProvider respond(ChatResponse response) {
        steps.add(new Respond(response));
        return this;
    }

    public ScriptedProvider fail(GatewayException error) {
        steps.add(new Fail(error));
        return this;
    }

    /** Stream only: sends {@code chunks} chunks, then the error. */
    public ScriptedProvider chunksThenFail(int chunks, GatewayException error) {
        steps.add(new ChunksThenFail(chunks, error));
        return this;
    }

    public ScriptedProvider hang() {
        steps.add(new Hang());
        return this;
    }

    /** The provider method itself throws (a provider bug). */
    public ScriptedProvider throwing(RuntimeException error) {
        steps.add(new Throw(error));
        return this;
    }

    @Override
    public synchronized CompletableFuture<ChatResponse> complete(ChatRequest request) {
        requests.add(request);
        Step step = nextStep();
        if (step instanceof Answer a) {
            return CompletableFuture.completedFuture(response(a.text()));
        }
        if (step instanceof Fail f) {
            return CompletableFuture.failedFuture(f.error());
        }
        if (step instanceof Respond r) {
            return CompletableFuture.completedFuture(r.response());
        }
        if (step instanceof Throw t) {
            throw t.error();
        }
        if (step instanceof Hang) {
            pending = new CompletableFuture<>();
            return pending;
        }
        throw new AssertionError(name + ": step " + step + " is for streams");
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        Step step;
        synchronized (this) {
            requests.add(request);
            step = nextStep();
        }
        if (step instanceof Answer a) {
            for (String word : a.text().split(" ")) {
                sink.onChunk(chunk(word));
            }
            sink.onComplete();
        } else if (step instanceof Fail f) {
            sink.onError(f.error());
        } else if (step instanceof ChunksThenFail c) {
            for (int i = 0; i < c.chunks(); i++) {
                sink.onChunk(chunk("part" + i));
            }
            sink.onError(c.error());
        } else if (step instanceof Throw t) {
            throw t.error();
        } else {
            synchronized (this) {
                pendingSink = sink;
            }
        }
        return () -> {
            synchronized (this) {
                streamCancels++;
            }
        };
    }

    private Step nextStep() {
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError(name + " was called more often than scripted");
        }
        return step;
    }

    public synchronized int calls() {
        return requests.size();
    }

    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The future of the last hanging complete() call. */
    public synchronized CompletableFuture<ChatResponse> pending() {
        return pending;
    }

    /** The sink of the last hanging stream() call. */
    public synchronized ChunkSink pendingSink() {
        return pendingSink;
    }

    public synchronized int streamCancels() {
        return streamCancels;
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public String name() {
        return name;
    }

    public ChatResponse response(String text) {
        return new ChatResponse("resp-" + name, 1L, name,
                List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)), null, null, Map.of());
    }

    public ChatChunk chunk(String text) {
        return new ChatChunk("chunk-" + name, 1L, name, List.of(new ChunkChoice(0, Delta.content(text), null, null)),
                null, null, Map.of());
    }
}
