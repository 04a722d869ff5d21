package dev.gearbox.server.http;

import dev.gearbox.core.error.GatewayException;

/** Encodes a failure as the OpenAI error body {@code {"error":{"message","type","param","code"}}}. */
@FunctionalInterface
public interface ErrorEncoder {
    byte[] encode(GatewayException error);
}
