package dev.gearbox.server.http;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Answers one routed request. Runs on the connection's event loop; must not block and must not
 * keep {@code request} (it is released when the method returns). It finishes the exchange now
 * or later, from any thread, through {@link Exchange}.
 */
@FunctionalInterface
public interface Endpoint {
    void handle(FullHttpRequest request, Exchange exchange);
}
