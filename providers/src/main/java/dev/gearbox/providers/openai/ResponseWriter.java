package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** Writes responses and chunks to clients in OpenAI's field order. */
final class ResponseWriter {
    private static final Set<String> TOP_RESERVED = Set.of("id", "object", "created", "model", "choices", "usage",
            "system_fingerprint");
    private static final Set<String> DELTA_RESERVED = Set.of("role", "content", "tool_calls");
    private static final Set<String> CHOICE_RESERVED = Set.of("index", "message", "delta", "logprobs", "finish_reason");
    private static final Set<String> USAGE_RESERVED = Set.of("prompt_tokens", "completion_tokens", "total_tokens");

    private ResponseWriter() {
    }

    static void response(JsonGenerator g, ChatResponse r) throws IOException {
        g.writeStartObject();
        header(g, r.id(), "chat.completion", r.created(), r.model());
        g.writeArrayFieldStart("choices");
        for (Choice c : r.choices()) {
            g.writeStartObject();
            g.writeNumberField("index", c.index());
            g.writeFieldName("message");
            MessageWriter.write(g, c.message(), true);
            writeNullable(g, "logprobs", c.logprobs());
            g.writeStringField("finish_reason", c.finishReason());
            ExtraFields.write(g, c.extra(), CHOICE_RESERVED);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.usage() != null) {
            usage(g, r.usage());
        } else {
            ExtraFields.writeKeptNull(g, r.extra(), "usage");
        }
        ExtraFields.write(g, r.extra(), TOP_RESERVED);
        fingerprint(g, r.systemFingerprint(), r.extra());
        g.writeEndObject();
    }

    /**
     * @param usageNullWhenAbsent true when the client asked for {@code stream_options.include_usage}:
     *                            OpenAI then sends {@code "usage": null} on every chunk but the last
     */
    static void chunk(JsonGenerator g, ChatChunk c, boolean usageNullWhenAbsent) throws IOException {
        g.writeStartObject();
        header(g, c.id(), "chat.completion.chunk", c.created(), c.model());
        fingerprint(g, c.systemFingerprint(), c.extra());
        g.writeArrayFieldStart("choices");
        for (ChunkChoice choice : c.choices()) {
            g.writeStartObject();
            g.writeNumberField("index", choice.index());
            g.writeFieldName("delta");
            delta(g, choice.delta());
            writeNullable(g, "logprobs", choice.logprobs());
            g.writeStringField("finish_reason", choice.finishReason());
            ExtraFields.write(g, choice.extra(), CHOICE_RESERVED);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.usage() != null) {
            usage(g, c.usage());
        } else if (usageNullWhenAbsent) {
            g.writeNullField("usage");
        }
        ExtraFields.write(g, c.extra(), TOP_RESERVED);
        g.writeEndObject();
    }

    private static void header(JsonGenerator g, String id, String object, long created, String model)
            throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("object", object);
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
    }

    private static void fingerprint(JsonGenerator g, String fingerprint, Map<String, JsonNode> extra)
            throws IOException {
        if (fingerprint != null) {
            g.writeStringField("system_fingerprint", fingerprint);
        } else {
            ExtraFields.writeKeptNull(g, extra, "system_fingerprint");
        }
    }

    private static void delta(JsonGenerator g, Delta d) throws IOException {
        g.writeStartObject();
        if (d.role() != null) {
            g.writeStringField("role", d.role().wire());
        } else {
            ExtraFields.writeKeptNull(g, d.extra(), "role");
        }
        if (d.content() != null) {
            g.writeStringField("content", d.content());
        } else {
            ExtraFields.writeKeptNull(g, d.extra(), "content");
        }
        if (!d.toolCalls().isEmpty()) {
            g.writeArrayFieldStart("tool_calls");
            for (ToolCallDelta t : d.toolCalls()) {
                toolCallDelta(g, t);
            }
            g.writeEndArray();
        }
        ExtraFields.write(g, d.extra(), DELTA_RESERVED);
        g.writeEndObject();
    }

    /** index always; id, type and function.name only when present; arguments fragments as they came. */
    private static void toolCallDelta(JsonGenerator g, ToolCallDelta t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", t.index());
        if (t.id() != null) {
            g.writeStringField("id", t.id());
        }
        if (t.type() != null) {
            g.writeStringField("type", t.type());
        }
        if (t.name() != null || t.arguments() != null) {
            g.writeObjectFieldStart(t.type() == null ? "function" : t.type());
            if (t.name() != null) {
                g.writeStringField("name", t.name());
            }
            if (t.arguments() != null) {
                g.writeStringField("arguments", t.arguments());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void usage(JsonGenerator g, Usage u) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", u.promptTokens());
        g.writeNumberField("completion_tokens", u.completionTokens());
        g.writeNumberField("total_tokens", u.totalTokens());
        ExtraFields.write(g, u.extra(), USAGE_RESERVED);
        g.writeEndObject();
    }

    private static void writeNullable(JsonGenerator g, String name, JsonNode value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeTree(value);
        }
    }
}
