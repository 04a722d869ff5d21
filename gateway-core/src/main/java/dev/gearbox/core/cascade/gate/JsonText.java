package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Strict JSON parsing of model output: one complete value, nothing after it. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    /** The parsed value, or empty when {@code text} is not exactly one JSON value. */
    static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Why {@code text} is not JSON, in a short sentence; null when it is. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "the answer is empty, not JSON";
        }
        try {
            MAPPER.readTree(text);
            return null;
        } catch (JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
        }
    }
}
