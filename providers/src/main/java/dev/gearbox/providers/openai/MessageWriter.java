package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.ToolCall;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Writes messages, content and tool calls in OpenAI's wire shape (shared by requests and responses). */
final class MessageWriter {
    private static final Set<String> RESERVED = Set.of("role", "content", "name", "tool_calls", "tool_call_id");

    private MessageWriter() {
    }

    /**
     * @param alwaysContent true for response messages, where OpenAI always sends {@code content}
     *                      (null when the answer is only tool calls)
     */
    static void write(JsonGenerator g, Message m, boolean alwaysContent) throws IOException {
        g.writeStartObject();
        if (m.role() != null) {
            g.writeStringField("role", m.role().wire());
        }
        if (m.content() != null) {
            g.writeFieldName("content");
            writeContent(g, m.content());
        } else if (alwaysContent) {
            g.writeNullField("content");
        } else {
            ExtraFields.writeKeptNull(g, m.extra(), "content");
        }
        if (m.name() != null) {
            g.writeStringField("name", m.name());
        }
        if (!m.toolCalls().isEmpty()) {
            writeToolCalls(g, m.toolCalls());
        }
        if (m.toolCallId() != null) {
            g.writeStringField("tool_call_id", m.toolCallId());
        }
        ExtraFields.write(g, m.extra(), RESERVED);
        g.writeEndObject();
    }

    static void writeContent(JsonGenerator g, Content content) throws IOException {
        if (content instanceof Content.Text t) {
            if (t.value() == null) {
                g.writeNull();
            } else {
                g.writeString(t.value());
            }
            return;
        }
        g.writeStartArray();
        for (ContentPart part : ((Content.Parts) content).parts()) {
            writePart(g, part);
        }
        g.writeEndArray();
    }

    private static void writePart(JsonGenerator g, ContentPart part) throws IOException {
        if (part instanceof ContentPart.Text t) {
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", t.text());
            g.writeEndObject();
        } else if (part instanceof ContentPart.ImageUrl img) {
            g.writeStartObject();
            g.writeStringField("type", "image_url");
            g.writeObjectFieldStart("image_url");
            g.writeStringField("url", img.url());
            if (img.detail() != null) {
                g.writeStringField("detail", img.detail());
            }
            g.writeEndObject();
            g.writeEndObject();
        } else {
            g.writeTree(((ContentPart.Other) part).raw());
        }
    }

    private static void writeToolCalls(JsonGenerator g, List<ToolCall> calls) throws IOException {
        g.writeArrayFieldStart("tool_calls");
        for (ToolCall c : calls) {
            String type = c.type() == null ? "function" : c.type();
            g.writeStartObject();
            if (c.id() != null) {
                g.writeStringField("id", c.id());
            }
            g.writeStringField("type", type);
            g.writeObjectFieldStart(type);
            if (c.name() != null) {
                g.writeStringField("name", c.name());
            }
            if (c.arguments() != null) {
                g.writeStringField("arguments", c.arguments());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
