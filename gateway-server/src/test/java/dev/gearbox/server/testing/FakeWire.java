package dev.gearbox.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.server.chat.ChatWireFormat;
import dev.gearbox.server.http.JsonErrorEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Just enough of the OpenAI wire format for handler tests: model, stream, text messages. */
public final class FakeWire implements ChatWireFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonErrorEncoder errors = new JsonErrorEncoder();

    @Override
    public ChatRequest readRequest(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw GatewayException.invalid("We could not parse the JSON body of your request.", null);
        }
        if (root == null || !root.isObject()) {
            throw GatewayException.invalid("The request body must be a JSON object.", null);
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            messages.add(Message.of(Role.fromWire(m.path("role").asText()), m.path("content").asText()));
        }
        return ChatRequest.of(root.path("model").asText(), messages)
                .withStream(root.path("stream").asBoolean(false), false);
    }

    @Override
    public byte[] writeResponse(ChatResponse response) {
        ObjectNode root = MAPPER.createObjectNode().put("id", response.id()).put("object", "chat.completion")
                .put("model", response.model());
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", response.firstText());
        return bytes(root);
    }

    @Override
    public byte[] writeChunk(ChatChunk chunk) {
        ObjectNode root = MAPPER.createObjectNode().put("id", chunk.id()).put("object", "chat.completion.chunk")
                .put("model", chunk.model());
        root.putArray("choices").addObject().put("index", 0)
                .putObject("delta").put("content", chunk.choices().get(0).delta().content());
        return bytes(root);
    }

    @Override
    public byte[] writeError(GatewayException error) {
        return errors.encode(error);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
