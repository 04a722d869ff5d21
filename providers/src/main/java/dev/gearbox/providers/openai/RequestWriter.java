package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Tool;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Writes a canonical request as an upstream OpenAI chat request: typed fields when set, then extras. */
final class RequestWriter {
    private static final Set<String> RESERVED = Set.of("model", "messages", "stream", "stream_options", "tools",
            "tool_choice", "response_format", "temperature", "top_p", "max_tokens", "max_completion_tokens", "n",
            "stop", "seed", "logprobs", "top_logprobs");
    private static final Set<String> TOOL_RESERVED = Set.of("type", "function");
    private static final Set<String> TYPE_ONLY = Set.of("type");

    private RequestWriter() {
    }

    static void write(JsonGenerator g, ChatRequest r, String model) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", model);
        g.writeArrayFieldStart("messages");
        for (Message m : r.messages()) {
            MessageWriter.write(g, m, false);
        }
        g.writeEndArray();
        if (r.stream()) {
            g.writeBooleanField("stream", true);
            writeStreamOptions(g, r);
        }
        if (!r.tools().isEmpty()) {
            g.writeArrayFieldStart("tools");
            for (Tool t : r.tools()) {
                writeTool(g, t);
            }
            g.writeEndArray();
        }
        writeTree(g, "tool_choice", r.toolChoice());
        writeTree(g, "response_format", r.responseFormat());
        if (r.temperature() != null) {
            g.writeNumberField("temperature", r.temperature());
        }
        if (r.topP() != null) {
            g.writeNumberField("top_p", r.topP());
        }
        if (r.maxTokens() != null) {
            g.writeNumberField("max_tokens", r.maxTokens());
        }
        if (r.maxCompletionTokens() != null) {
            g.writeNumberField("max_completion_tokens", r.maxCompletionTokens());
        }
        if (r.n() != null) {
            g.writeNumberField("n", r.n());
        }
        if (r.stop() != null) {
            g.writeArrayFieldStart("stop");
            for (String s : r.stop()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (r.seed() != null) {
            g.writeNumberField("seed", r.seed());
        }
        if (r.logprobs() != null) {
            g.writeBooleanField("logprobs", r.logprobs());
        }
        if (r.topLogprobs() != null) {
            g.writeNumberField("top_logprobs", r.topLogprobs());
        }
        ExtraFields.write(g, r.extra(), RESERVED);
        g.writeEndObject();
    }

    /** include_usage when asked, plus any other stream_options members the client sent. */
    private static void writeStreamOptions(JsonGenerator g, ChatRequest r) throws IOException {
        JsonNode rest = r.extra().get("stream_options");
        boolean hasRest = rest != null && rest.isObject() && !rest.isEmpty();
        if (!r.includeUsage() && !hasRest) {
            return;
        }
        g.writeObjectFieldStart("stream_options");
        if (r.includeUsage()) {
            g.writeBooleanField("include_usage", true);
        }
        if (hasRest) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rest.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("include_usage")) {
                    g.writeFieldName(f.getKey());
                    g.writeTree(f.getValue());
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeTool(JsonGenerator g, Tool t) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", t.type());
        if (!"function".equals(t.type())) {
            ExtraFields.write(g, t.extra(), TYPE_ONLY);
            g.writeEndObject();
            return;
        }
        g.writeObjectFieldStart("function");
        g.writeStringField("name", t.name());
        if (t.description() != null) {
            g.writeStringField("description", t.description());
        }
        writeTree(g, "parameters", t.parameters());
        if (t.strict() != null) {
            g.writeBooleanField("strict", t.strict());
        }
        JsonNode unknownFnMembers = t.extra().get("function");
        if (unknownFnMembers != null && unknownFnMembers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = unknownFnMembers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                switch (f.getKey()) {
                    case "name", "description", "parameters", "strict" -> {
                    }
                    default -> {
                        g.writeFieldName(f.getKey());
                        g.writeTree(f.getValue());
                    }
                }
            }
        }
        g.writeEndObject();
        ExtraFields.write(g, t.extra(), TOOL_RESERVED);
        g.writeEndObject();
    }

    private static void writeTree(JsonGenerator g, String name, JsonNode value) throws IOException {
        if (value != null && !value.isMissingNode()) {
            g.writeFieldName(name);
            g.writeTree(value);
        }
    }
}
