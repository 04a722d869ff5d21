package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.io.IOException;

/** The package's one JSON mapper, and reading an upstream body where unreadable means UPSTREAM_ERROR. */
final class AnthropicJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AnthropicJson() {
    }

    /** The body as a JSON object; anything else is the upstream's fault. */
    static JsonNode readUpstream(byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid(what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid(what + " is not valid JSON");
        }
    }

    static GatewayException invalid(String detail) {
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0,
                "upstream returned an invalid Anthropic response: " + detail, null);
    }
}
