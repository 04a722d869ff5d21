package dev.gearbox.providers.http;

import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.EventExecutor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Test listener: records what arrived and on which threads, and ends a future on end or error. */
final class RecordingListener implements ResponseListener {
    final CompletableFuture<RecordingListener> finished = new CompletableFuture<>();
    final AtomicInteger bodyChunks = new AtomicInteger();
    final AtomicBoolean offLoopCallback = new AtomicBoolean();
    /** The event loops the callbacks ran on. */
    final Set<EventExecutor> loops = ConcurrentHashMap.newKeySet();
    private final EventLoopGroup group;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    volatile int status;
    volatile HttpHeaders headers;
    volatile boolean ended;
    volatile GatewayException error;
    volatile Consumer<ByteBuf> onFirstBody = b -> { };

    RecordingListener(EventLoopGroup group) {
        this.group = group;
    }

    @Override
    public void onHeaders(int status, HttpHeaders headers) {
        checkThread();
        this.status = status;
        this.headers = headers;
    }

    @Override
    public void onBody(ByteBuf chunk) {
        checkThread();
        byte[] bytes = new byte[chunk.readableBytes()];
        chunk.getBytes(chunk.readerIndex(), bytes);
        synchronized (body) {
            body.writeBytes(bytes);
        }
        if (bodyChunks.incrementAndGet() == 1) {
            onFirstBody.accept(chunk);
        }
    }

    @Override
    public void onEnd() {
        checkThread();
        ended = true;
        finished.complete(this);
    }

    @Override
    public void onError(GatewayException error) {
        checkThread();
        this.error = error;
        finished.complete(this);
    }

    RecordingListener await() throws Exception {
        return finished.get(5, TimeUnit.SECONDS);
    }

    String body() {
        synchronized (body) {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private void checkThread() {
        boolean onLoop = false;
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                onLoop = true;
                loops.add(executor);
            }
        }
        if (!onLoop) {
            offLoopCallback.set(true);
        }
    }
}
