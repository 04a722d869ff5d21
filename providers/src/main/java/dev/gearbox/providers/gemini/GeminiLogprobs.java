package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * A candidate's {@code logprobsResult} as OpenAI's {@code logprobs}: each chosen token (with
 * {@code logProbability}) becomes a {@code content[]} entry whose {@code top_logprobs} are the
 * {@code topCandidates} of the same step; {@code bytes} are the token's UTF-8 bytes, as OpenAI sends them.
 */
final class GeminiLogprobs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiLogprobs() {
    }

    /** OpenAI's {@code {"content": [...], "refusal": null}}, or null when the candidate carries none. */
    static JsonNode from(JsonNode result) {
        JsonNode chosen = result == null ? null : result.get("chosenCandidates");
        if (chosen == null || !chosen.isArray()) {
            return null;
        }
        JsonNode top = result.path("topCandidates");
        ArrayNode content = NODES.arrayNode();
        for (int i = 0; i < chosen.size(); i++) {
            ObjectNode entry = token(chosen.get(i));
            ArrayNode alternatives = entry.putArray("top_logprobs");
            for (JsonNode alternative : top.path(i).path("candidates")) {
                alternatives.add(token(alternative));
            }
            content.add(entry);
        }
        ObjectNode logprobs = NODES.objectNode();
        logprobs.set("content", content);
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode token(JsonNode candidate) {
        String token = candidate.path("token").asText("");
        ObjectNode out = NODES.objectNode();
        out.put("token", token);
        out.put("logprob", candidate.path("logProbability").asDouble(0));
        ArrayNode bytes = out.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
        return out;
    }
}
