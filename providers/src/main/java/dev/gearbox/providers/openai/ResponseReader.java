package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads upstream responses and stream chunks. Lenient where OpenAI-compatible servers differ
 * harmlessly (a missing id, created or role), strict where the result would be meaningless (no
 * {@code choices}); every failure is an UPSTREAM_ERROR. {@code object} is dropped (writers
 * emit the constant); an explicit null {@code system_fingerprint} or delta field is kept in
 * {@code extra} so it is re-emitted as sent.
 */
final class ResponseReader {
    private ResponseReader() {
    }

    static ChatResponse response(JsonNode body) {
        JsonNode choicesNode = requireChoices(body);
        List<Choice> choices = new ArrayList<>(choicesNode.size());
        for (int i = 0; i < choicesNode.size(); i++) {
            choices.add(choice(choicesNode.get(i), i));
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        String fingerprint = topLevelExtras(body, extra);
        return new ChatResponse(text(body.get("id"), "id"), created(body), text(body.get("model"), "model"),
                choices, usage(body.get("usage")), fingerprint, extra);
    }

    static ChatChunk chunk(JsonNode body) {
        JsonNode choicesNode = requireChoices(body);
        List<ChunkChoice> choices = new ArrayList<>(choicesNode.size());
        for (int i = 0; i < choicesNode.size(); i++) {
            choices.add(chunkChoice(choicesNode.get(i), i));
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        String fingerprint = topLevelExtras(body, extra);
        return new ChatChunk(text(body.get("id"), "id"), created(body), text(body.get("model"), "model"),
                choices, usage(body.get("usage")), fingerprint, extra);
    }

    private static JsonNode requireChoices(JsonNode body) {
        if (!body.isObject()) {
            throw UpstreamErrors.invalid("expected a JSON object, got " + RequestErrors.describe(body));
        }
        JsonNode choices = body.get("choices");
        if (choices == null || choices.isNull()) {
            JsonNode error = body.get("error");
            if (error != null && !error.isNull()) {
                throw UpstreamErrors.reported(ErrorBodies.messageOf(error));
            }
            throw UpstreamErrors.invalid("missing 'choices'");
        }
        if (!choices.isArray()) {
            throw UpstreamErrors.invalid("'choices' is not an array");
        }
        return choices;
    }

    /** Copies unknown top-level fields into extra and returns system_fingerprint. */
    private static String topLevelExtras(JsonNode body, Map<String, JsonNode> extra) {
        String fingerprint = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "id", "object", "created", "model", "choices", "usage" -> {
                }
                case "system_fingerprint" -> {
                    if (f.getValue().isNull()) {
                        extra.put("system_fingerprint", NullNode.getInstance());
                    } else {
                        fingerprint = text(f.getValue(), "system_fingerprint");
                    }
                }
                default -> extra.put(f.getKey(), f.getValue());
            }
        }
        return fingerprint;
    }

    private static Choice choice(JsonNode c, int position) {
        requireObject(c, "choices[" + position + "]");
        JsonNode m = c.get("message");
        if (m == null || !m.isObject()) {
            throw UpstreamErrors.invalid("choices[" + position + "].message is missing or not an object");
        }
        return new Choice(index(c, position), message(m, position), text(c.get("finish_reason"), "finish_reason"),
                nonNull(c.get("logprobs")), choiceExtras(c, "message"));
    }

    /** A choice's members other than index, the message or delta, finish_reason and logprobs, in order. */
    private static Map<String, JsonNode> choiceExtras(JsonNode c, String body) {
        Map<String, JsonNode> extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (!key.equals("index") && !key.equals(body) && !key.equals("finish_reason") && !key.equals("logprobs")) {
                extra = MessageReader.put(extra, key, f.getValue());
            }
        }
        return extra;
    }

    private static Message message(JsonNode m, int position) {
        Content content = null;
        List<ToolCall> toolCalls = List.of();
        String name = null;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "role" -> {
                }
                case "content" -> content = content(v, position);
                case "name" -> name = text(v, "name");
                case "tool_calls" -> toolCalls = toolCalls(v);
                default -> extra.put(f.getKey(), v);
            }
        }
        return new Message(role(m.get("role")), content, name, toolCalls, null, extra);
    }

    private static Content content(JsonNode v, int position) {
        if (v.isNull()) {
            return null;
        }
        try {
            return ContentReader.read(v, "choices[" + position + "].message.content");
        } catch (GatewayException e) {
            throw UpstreamErrors.invalid(e.getMessage());
        }
    }

    private static List<ToolCall> toolCalls(JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw UpstreamErrors.invalid("'tool_calls' is not an array");
        }
        List<ToolCall> calls = new ArrayList<>(v.size());
        for (JsonNode c : v) {
            requireObject(c, "tool_calls[]");
            String type = c.hasNonNull("type") ? text(c.get("type"), "type") : "function";
            JsonNode fn = c.path(type);
            calls.add(new ToolCall(text(c.get("id"), "id"), type, text(fn.get("name"), "name"),
                    text(fn.get("arguments"), "arguments")));
        }
        return calls;
    }

    private static ChunkChoice chunkChoice(JsonNode c, int position) {
        requireObject(c, "choices[" + position + "]");
        JsonNode d = c.get("delta");
        Delta delta = d == null || d.isNull() ? new Delta(null, null, List.of(), Map.of()) : delta(d);
        return new ChunkChoice(index(c, position), delta, text(c.get("finish_reason"), "finish_reason"),
                nonNull(c.get("logprobs")), choiceExtras(c, "delta"));
    }

    private static Delta delta(JsonNode d) {
        requireObject(d, "delta");
        Role role = null;
        String content = null;
        List<ToolCallDelta> toolCalls = List.of();
        Map<String, JsonNode> extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "role" -> {
                    if (v.isNull()) {
                        extra = MessageReader.put(extra, "role", NullNode.getInstance());
                    } else {
                        role = role(v);
                    }
                }
                case "content" -> {
                    if (v.isNull()) {
                        extra = MessageReader.put(extra, "content", NullNode.getInstance());
                    } else {
                        content = text(v, "content");
                    }
                }
                case "tool_calls" -> toolCalls = toolCallDeltas(v);
                default -> extra = MessageReader.put(extra, f.getKey(), v);
            }
        }
        return new Delta(role, content, toolCalls, extra);
    }

    private static List<ToolCallDelta> toolCallDeltas(JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw UpstreamErrors.invalid("'delta.tool_calls' is not an array");
        }
        List<ToolCallDelta> deltas = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode c = v.get(i);
            requireObject(c, "delta.tool_calls[" + i + "]");
            String type = text(c.get("type"), "type");
            JsonNode fn = c.path(type == null ? "function" : type);
            deltas.add(new ToolCallDelta(index(c, i), text(c.get("id"), "id"), type, text(fn.get("name"), "name"),
                    text(fn.get("arguments"), "arguments")));
        }
        return deltas;
    }

    private static Usage usage(JsonNode u) {
        if (u == null || u.isNull()) {
            return null;
        }
        requireObject(u, "usage");
        int prompt = 0;
        int completion = 0;
        Integer total = null;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "prompt_tokens" -> prompt = count(f.getValue(), "usage.prompt_tokens");
                case "completion_tokens" -> completion = count(f.getValue(), "usage.completion_tokens");
                case "total_tokens" -> total = count(f.getValue(), "usage.total_tokens");
                default -> extra.put(f.getKey(), f.getValue());
            }
        }
        return new Usage(prompt, completion, total == null ? prompt + completion : total, extra);
    }

    private static int count(JsonNode v, String what) {
        if (v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw UpstreamErrors.invalid("'" + what + "' is not an integer");
        }
        return v.intValue();
    }

    private static Role role(JsonNode v) {
        if (v == null || v.isNull()) {
            return Role.ASSISTANT;
        }
        Role role = Role.fromWire(v.asText());
        return role == null ? Role.ASSISTANT : role;
    }

    private static int index(JsonNode c, int position) {
        JsonNode i = c.get("index");
        if (i == null || i.isNull()) {
            return position;
        }
        if (!i.isIntegralNumber() || !i.canConvertToInt()) {
            throw UpstreamErrors.invalid("'index' is not an integer");
        }
        return i.intValue();
    }

    private static long created(JsonNode body) {
        JsonNode c = body.get("created");
        if (c == null || c.isNull()) {
            return 0;
        }
        if (!c.isNumber()) {
            throw UpstreamErrors.invalid("'created' is not a number");
        }
        return c.longValue();
    }

    /** A scalar as text (some servers send numeric ids); null when absent; containers are invalid. */
    private static String text(JsonNode v, String what) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isContainerNode()) {
            throw UpstreamErrors.invalid("'" + what + "' is not a string");
        }
        return v.asText();
    }

    private static JsonNode nonNull(JsonNode v) {
        return v == null || v.isNull() ? null : v;
    }

    private static void requireObject(JsonNode v, String what) {
        if (!v.isObject()) {
            throw UpstreamErrors.invalid("'" + what + "' is not an object");
        }
    }
}
