package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an OpenAI-compatible upstream says in an error body. OpenAI sends
 * {@code {"error":{"message","type","param","code"}}}; compatible servers vary ({@code "error"}
 * as a string, a top-level {@code message} or {@code detail}), and proxies answer with HTML, so
 * anything else falls back to a short, single-line excerpt of the raw body.
 */
record UpstreamErrorText(String message, String code, String param) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EXCERPT = 200;

    static UpstreamErrorText parse(byte[] body) {
        JsonNode root = readJson(body);
        if (root != null && root.isObject()) {
            UpstreamErrorText fromJson = fromJson(root);
            if (fromJson != null) {
                return fromJson;
            }
        }
        return new UpstreamErrorText(excerpt(new String(body, StandardCharsets.UTF_8)), null, null);
    }

    /** The error inside a JSON document, or null when it carries none. */
    static UpstreamErrorText fromJson(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new UpstreamErrorText(text(error.get("message")), text(error.get("code")), text(error.get("param")));
        }
        if (error != null && error.isTextual()) {
            return new UpstreamErrorText(error.asText(), null, null);
        }
        String message = text(root.get("message"));
        if (message == null) {
            JsonNode detail = root.get("detail");
            message = detail == null ? null : detail.isTextual() ? detail.asText() : detail.toString();
        }
        return message == null ? null : new UpstreamErrorText(message, text(root.get("code")), null);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** One line, no control characters, bounded: safe to put in an error message and a log. */
    static String excerpt(String raw) {
        String oneLine = raw.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "(empty body)";
        }
        return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "...";
    }
}
