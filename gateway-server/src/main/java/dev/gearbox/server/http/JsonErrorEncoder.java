package dev.gearbox.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;

/**
 * The server's own error body writer, for failures that happen before a request reaches the
 * chat codec (routing, limits). {@code param} and {@code code} are always present, null when unset,
 * as OpenAI sends them.
 */
public final class JsonErrorEncoder implements ErrorEncoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public byte[] encode(GatewayException error) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("message", error.getMessage());
        body.put("type", error.kind().openAiType());
        body.put("param", error.param());
        body.put("code", error.code());
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error body", e);
        }
    }
}
