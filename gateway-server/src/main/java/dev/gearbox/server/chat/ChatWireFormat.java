package dev.gearbox.server.chat;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.server.http.ErrorEncoder;

/**
 * The OpenAI chat-completions wire format as the chat endpoint uses it: request JSON in,
 * response, chunk and error JSON out. Pure and thread-safe.
 */
public interface ChatWireFormat extends ErrorEncoder {

    /** Parses a request body; fails with an INVALID_REQUEST {@link GatewayException} naming the bad {@code param}. */
    ChatRequest readRequest(byte[] body);

    byte[] writeResponse(ChatResponse response);

    /** One {@code chat.completion.chunk} object, without SSE framing. */
    byte[] writeChunk(ChatChunk chunk);

    /** The OpenAI error body {@code {"error":{...}}}. */
    byte[] writeError(GatewayException error);

    @Override
    default byte[] encode(GatewayException error) {
        return writeError(error);
    }
}
