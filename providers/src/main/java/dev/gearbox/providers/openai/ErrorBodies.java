package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** OpenAI error bodies: writing ours, and reading (sanitized) what an upstream sent. */
final class ErrorBodies {
    static final int MAX_RAW_PREFIX = 200;
    static final int MAX_MESSAGE = 1000;
    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(sk-[a-z0-9_\\-]{6,}|bearer\\s+[a-z0-9._\\-]{8,}|key-[a-z0-9]{16,}|AIza[0-9a-z_\\-]{20,})");
    private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]+");

    private ErrorBodies() {
    }

    static void write(JsonGenerator g, GatewayException e) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("error");
        String message = e.getMessage();
        g.writeStringField("message", message == null ? e.kind().openAiType() : message);
        g.writeStringField("type", e.kind().openAiType());
        g.writeStringField("param", e.param());
        g.writeStringField("code", e.code());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Reads an upstream error from its parsed body, or null when the JSON has no recognisable error. */
    static UpstreamErrorBody fromJson(JsonNode body) {
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            return new UpstreamErrorBody(messageOf(error), scalar(error.get("type")), scalar(error.get("code")),
                    scalar(error.get("param")));
        }
        if (error != null && error.isTextual()) {
            return new UpstreamErrorBody(sanitize(error.textValue(), MAX_MESSAGE), null, null, null);
        }
        JsonNode message = body.get("message");
        if (message != null && message.isTextual()) {
            return new UpstreamErrorBody(sanitize(message.textValue(), MAX_MESSAGE), null, null, null);
        }
        return null;
    }

    static UpstreamErrorBody fromRaw(byte[] body) {
        if (body == null || body.length == 0) {
            return new UpstreamErrorBody("(empty body)", null, null, null);
        }
        int len = Math.min(body.length, MAX_RAW_PREFIX * 4);
        String text = sanitize(new String(body, 0, len, StandardCharsets.UTF_8), MAX_RAW_PREFIX);
        return new UpstreamErrorBody(text.isEmpty() ? "(blank body)" : text, null, null, null);
    }

    /** The sanitized {@code message} of an OpenAI error object (or the object's text when it has none). */
    static String messageOf(JsonNode error) {
        JsonNode message = error.get("message");
        String text = message != null && message.isTextual() ? message.textValue()
                : error.isTextual() ? error.textValue() : error.toString();
        return sanitize(text, MAX_MESSAGE);
    }

    /** Collapses whitespace and control characters, masks api-key lookalikes, bounds the length. */
    static String sanitize(String text, int max) {
        String s = WHITESPACE_OR_CONTROL.matcher(text).replaceAll(" ").trim();
        s = SECRET.matcher(s).replaceAll("[redacted]");
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String scalar(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : sanitize(v.asText(), MAX_MESSAGE);
    }
}
