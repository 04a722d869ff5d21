package dev.gearbox.providers.http;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a response whole, up to {@code maxBytes}; a larger body fails the future and aborts the
 * call rather than exhausting memory. Chunks are copied out, so no buffer outlives its callback.
 */
public final class BodyCollector implements ResponseListener {
    private final long maxBytes;
    private final CompletableFuture<BufferedResponse> result = new CompletableFuture<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private HttpHeaders headers;
    private volatile UpstreamCall call;

    public BodyCollector(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The call to abort when the body grows past the limit. */
    public void attach(UpstreamCall call) {
        this.call = call;
        if (result.isCompletedExceptionally()) {
            call.cancel();
        }
    }

    public CompletableFuture<BufferedResponse> result() {
        return result;
    }

    @Override
    public void onHeaders(int status, HttpHeaders headers) {
        this.status = status;
        this.headers = headers;
    }

    @Override
    public void onBody(ByteBuf chunk) {
        if (result.isDone()) {
            return;
        }
        if (body.size() + (long) chunk.readableBytes() > maxBytes) {
            result.completeExceptionally(new GatewayException(ErrorKind.UPSTREAM_ERROR,
                    "upstream response body exceeds " + maxBytes + " bytes"));
            UpstreamCall c = call;
            if (c != null) {
                c.cancel();
            }
            return;
        }
        byte[] bytes = new byte[chunk.readableBytes()];
        chunk.getBytes(chunk.readerIndex(), bytes);
        body.write(bytes, 0, bytes.length);
    }

    @Override
    public void onEnd() {
        result.complete(new BufferedResponse(status, headers, body.toByteArray()));
    }

    @Override
    public void onError(GatewayException error) {
        result.completeExceptionally(error);
    }
}
