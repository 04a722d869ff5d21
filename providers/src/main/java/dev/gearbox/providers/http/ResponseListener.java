package dev.gearbox.providers.http;

import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Receives one upstream response as it arrives, on the connection's event loop, one call at a
 * time. Either {@link #onEnd()} or {@link #onError(GatewayException)} ends it, exactly once,
 * unless the call was cancelled, after which nothing more is delivered. Callbacks must not block.
 */
public interface ResponseListener {

    /** The status line and headers arrived. */
    void onHeaders(int status, HttpHeaders headers);

    /**
     * A piece of the (decompressed) body. The buffer belongs to the client and is released when
     * this method returns: read it here, or {@code retain()} it to keep it.
     */
    void onBody(ByteBuf chunk);

    /** The response is complete. */
    void onEnd();

    /** The exchange failed: connect, timeout, or a connection lost or garbled mid-response. */
    void onError(GatewayException error);
}
