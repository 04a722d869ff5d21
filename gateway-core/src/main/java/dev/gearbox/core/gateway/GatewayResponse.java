package dev.gearbox.core.gateway;

import dev.gearbox.core.model.ChatResponse;

/** A complete answer and how it was obtained. */
public record GatewayResponse(ChatResponse response, RouteInfo route) {
}
