package dev.gearbox.core.gateway;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;

/**
 * Receives a routed stream. {@link #onStart(RouteInfo)} comes once, right before the first
 * chunk (the commit point: no fallback after it), so the server can send headers naming the
 * deployment. Then chunks, then exactly one of {@link #onComplete(RouteInfo)} or
 * {@link #onError(GatewayException, boolean)}; {@code committed} says whether onStart came first.
 */
public interface GatewayStreamListener {
    void onStart(RouteInfo route);

    void onChunk(ChatChunk chunk);

    void onComplete(RouteInfo route);

    void onError(GatewayException error, boolean committed);
}
