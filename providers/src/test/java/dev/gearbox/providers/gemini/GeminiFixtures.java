package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Recorded Gemini wire bodies under {@code src/test/resources/gemini}, shaped after Google's API reference. */
final class GeminiFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private GeminiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode tree(String nameOrJson) {
        try {
            return JSON.readTree(nameOrJson.endsWith(".json") ? text(nameOrJson) : nameOrJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of each {@code data:} line of an SSE fixture, in order. */
    static List<JsonNode> events(String name) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(tree(line.substring("data: ".length())));
            }
        }
        return events;
    }
}
