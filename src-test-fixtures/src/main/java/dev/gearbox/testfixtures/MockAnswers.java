package dev.gearbox.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI-shaped JSON the mock upstream sends: complete responses, stream chunks and error
 * bodies. Stream chunks carry {@code x_sent_us}, the send time in epoch microseconds, so a probe
 * can measure how long a relay took to pass the chunk on.
 */
final class MockAnswers {
    static final String SENT_AT_FIELD = "x_sent_us";
    static final List<String> OK_PIECES = List.of("Hello", " from", " the", " mock", " upstream.");
    static final List<String> JSON_PIECES = List.of("{\"answer\"", ": \"Hello from", " the mock upstream.\"}");
    static final List<String> ALMOST_JSON_PIECES = List.of("Sure! Here is the JSON:", " {\"answer\"", ": \"Hello");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MockAnswers() {
    }

    /** What one answer says: content pieces, or the tool call's name and argument pieces. */
    record Answer(List<String> pieces, String toolName, String toolCallId, String finishReason) {
        boolean isToolCall() {
            return toolName != null;
        }

        String text() {
            return String.join("", pieces);
        }
    }

    static Answer text(List<String> pieces) {
        return new Answer(pieces, null, null, "stop");
    }

    static Answer big(int chunks) {
        List<String> pieces = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            pieces.add(i == 0 ? "word0" : " word" + i);
        }
        return text(pieces);
    }

    static Answer toolCall(JsonNode request, long sequence) {
        JsonNode firstTool = request.path("tools").path(0).path("function");
        String name = firstTool.path("name").asText("get_weather");
        return new Answer(List.of("{\"city\"", ":\"Paris\"", "}"), name, "call_mock" + sequence, "tool_calls");
    }

    static ObjectNode completion(String id, long created, String model, Answer answer, int promptTokens) {
        ObjectNode root = F.objectNode();
        root.put("id", id);
        root.put("object", "chat.completion");
        root.put("created", created);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.isToolCall()) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", answer.toolCallId());
            call.put("type", "function");
            call.putObject("function").put("name", answer.toolName()).put("arguments", answer.text());
        } else {
            message.put("content", answer.text());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", answer.finishReason());
        root.set("usage", usage(promptTokens, answer.pieces().size()));
        return root;
    }

    /** The stream's events in order, without the send stamp: role, pieces, finish, optional usage. */
    static List<ObjectNode> streamDeltas(Answer answer) {
        List<ObjectNode> deltas = new ArrayList<>(answer.pieces().size() + 2);
        ObjectNode role = F.objectNode().put("role", "assistant");
        if (answer.isToolCall()) {
            role.putNull("content");
            ObjectNode call = role.putArray("tool_calls").addObject().put("index", 0)
                    .put("id", answer.toolCallId()).put("type", "function");
            call.putObject("function").put("name", answer.toolName()).put("arguments", "");
        } else {
            role.put("content", "");
        }
        deltas.add(role);
        for (String piece : answer.pieces()) {
            if (answer.isToolCall()) {
                ObjectNode d = F.objectNode();
                d.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
                deltas.add(d);
            } else {
                deltas.add(F.objectNode().put("content", piece));
            }
        }
        return deltas;
    }

    static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason,
                            long sentMicros) {
        ObjectNode root = F.objectNode();
        root.put("id", id);
        root.put("object", "chat.completion.chunk");
        root.put("created", created);
        root.put("model", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        root.put(SENT_AT_FIELD, sentMicros);
        return root;
    }

    static ObjectNode usageChunk(String id, long created, String model, int promptTokens, int completionTokens) {
        ObjectNode root = F.objectNode();
        root.put("id", id);
        root.put("object", "chat.completion.chunk");
        root.put("created", created);
        root.put("model", model);
        root.putArray("choices");
        root.set("usage", usage(promptTokens, completionTokens));
        return root;
    }

    static ObjectNode error(int status, String message) {
        ObjectNode root = F.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", status == 401 ? "authentication_error"
                : status == 429 ? "rate_limit_error"
                : status >= 500 ? "server_error" : "invalid_request_error");
        error.putNull("param");
        error.put("code", status == 401 ? "invalid_api_key" : status == 429 ? "rate_limit_exceeded" : "mock_" + status);
        return root;
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        return F.objectNode().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }
}
