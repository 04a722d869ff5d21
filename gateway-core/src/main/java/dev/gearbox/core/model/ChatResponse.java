package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A complete (non-streamed) chat response. {@code usage} may be null if the upstream sent none. */
public record ChatResponse(
        String id,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        String systemFingerprint,
        Map<String, JsonNode> extra) {

    public ChatResponse {
        choices = List.copyOf(choices);
        extra = Extra.copy(extra);
    }

    /** The first choice's text, or empty; convenient for gates and tests. */
    public String firstText() {
        return choices.isEmpty() ? "" : choices.get(0).message().text();
    }
}
