package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Tool;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed client request body into a {@link ChatRequest}, validating the fields Gearbox
 * types. Every other top-level field goes to {@code extra} in order. Members of
 * {@code stream_options} other than {@code include_usage} are kept as {@code extra["stream_options"]}.
 */
final class RequestReader {
    private RequestReader() {
    }

    static ChatRequest read(JsonNode body) {
        if (!body.isObject()) {
            throw RequestErrors.notAnObject(body);
        }
        String model = null;
        boolean modelSent = false;
        List<Message> messages = null;
        boolean stream = false;
        boolean includeUsage = false;
        List<Tool> tools = List.of();
        JsonNode toolChoice = null;
        JsonNode responseFormat = null;
        Double temperature = null;
        Double topP = null;
        Integer maxTokens = null;
        Integer maxCompletionTokens = null;
        Integer n = null;
        List<String> stop = null;
        Long seed = null;
        Boolean logprobs = null;
        Integer topLogprobs = null;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "model" -> {
                    modelSent = true;
                    model = Fields.reqString(v, "model");
                }
                case "messages" -> messages = MessageReader.readAll(v);
                case "stream" -> stream = Boolean.TRUE.equals(Fields.optBoolean(v, "stream"));
                case "stream_options" -> includeUsage = streamOptions(v, extra);
                case "tools" -> tools = ToolReader.readAll(v);
                case "tool_choice" -> toolChoice = stringOrObject(v, "tool_choice");
                case "response_format" -> responseFormat = Fields.optObject(v, "response_format");
                case "temperature" -> temperature = Fields.optNumber(v, "temperature");
                case "top_p" -> topP = Fields.optNumber(v, "top_p");
                case "max_tokens" -> maxTokens = Fields.optInt(v, "max_tokens");
                case "max_completion_tokens" -> maxCompletionTokens = Fields.optInt(v, "max_completion_tokens");
                case "n" -> n = Fields.optInt(v, "n");
                case "stop" -> stop = stop(v);
                case "seed" -> seed = Fields.optLong(v, "seed");
                case "logprobs" -> logprobs = Fields.optBoolean(v, "logprobs");
                case "top_logprobs" -> topLogprobs = Fields.optInt(v, "top_logprobs");
                default -> extra.put(f.getKey(), v);
            }
        }
        if (!modelSent) {
            throw RequestErrors.missing("model");
        }
        if (model.isEmpty()) {
            throw RequestErrors.invalidValue("model", "expected a non-empty string.");
        }
        if (messages == null) {
            throw RequestErrors.missing("messages");
        }
        return new ChatRequest(model, messages, stream, includeUsage, tools, toolChoice, responseFormat,
                temperature, topP, maxTokens, maxCompletionTokens, n, stop, seed, logprobs, topLogprobs, extra);
    }

    /** Returns include_usage; keeps any other stream_options members in extra. */
    private static boolean streamOptions(JsonNode v, Map<String, JsonNode> extra) {
        JsonNode options = Fields.optObject(v, "stream_options");
        if (options == null) {
            return false;
        }
        Boolean includeUsage = Fields.optBoolean(options.get("include_usage"), "stream_options.include_usage");
        ObjectNode rest = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("include_usage")) {
                if (rest == null) {
                    rest = ((ObjectNode) options).objectNode();
                }
                rest.set(f.getKey(), f.getValue());
            }
        }
        if (rest != null) {
            extra.put("stream_options", rest);
        }
        return Boolean.TRUE.equals(includeUsage);
    }

    private static JsonNode stringOrObject(JsonNode v, String param) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isObject()) {
            throw RequestErrors.invalidType(param, "one of a string or object", v);
        }
        return v;
    }

    private static List<String> stop(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return List.of(v.textValue());
        }
        if (!v.isArray()) {
            throw RequestErrors.invalidType("stop", "one of a string or array of strings", v);
        }
        List<String> stop = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            if (!s.isTextual()) {
                throw RequestErrors.invalidType("stop[" + i + "]", "a string", s);
            }
            stop.add(s.textValue());
        }
        return stop;
    }
}
