package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON object a model was asked to answer with, read from its text: models wrap it in prose or
 * code fences, so the object is taken from the first {@code {} to the last {@code }}. Shared by
 * every gateway-side call that asks a model for a verdict (the LLM classifier, the cascade's judge).
 */
public final class JsonVerdict {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonVerdict() {
    }

    /** The object in {@code text}, or empty when there is none or it does not parse. */
    public static Optional<JsonNode> in(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
