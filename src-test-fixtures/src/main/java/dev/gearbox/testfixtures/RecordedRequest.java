package dev.gearbox.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One request the mock upstream received. Header names are lower-case; repeated headers are
 * joined with ", ". {@code body} is the parsed JSON, or null when the body was not JSON.
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String model() {
        return body == null ? null : body.path("model").asText(null);
    }
}
