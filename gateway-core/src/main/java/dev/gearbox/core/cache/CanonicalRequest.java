package dev.gearbox.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The parts of a request that decide its answer, as canonical JSON (object keys sorted, absent
 * fields left out) and their SHA-256. What only shapes the transport is left out: {@code stream}
 * and {@code stream_options}, so a streamed and a plain request share an answer.
 */
final class CanonicalRequest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Transport options that never change the answer. */
    private static final String STREAM_OPTIONS = "stream_options";

    private CanonicalRequest() {
    }

    /** Every input of the answer: model, messages, tools and every generation parameter, {@code extra} included. */
    static String exactDigest(ChatRequest request) {
        ObjectNode node = parameters(request);
        node.put("model", request.model());
        node.set("messages", messages(request.messages()));
        return digest(node);
    }

    /**
     * What frames the conversation besides its turns: system and developer messages, tools, tool
     * choice, response format and the generation parameters except temperature (which decides
     * eligibility instead).
     */
    static String instructionsDigest(ChatRequest request) {
        ObjectNode node = parameters(request);
        node.remove("temperature");
        node.set("instructions", messages(request.messages().stream().filter(SemanticScopes::isInstruction).toList()));
        return digest(node);
    }

    /** The earlier turns of the conversation: every non-instruction message but the last. */
    static String historyDigest(List<Message> earlierTurns) {
        return digest(messages(earlierTurns));
    }

    private static ObjectNode parameters(ChatRequest r) {
        ObjectNode node = NODES.objectNode();
        ArrayNode tools = node.putArray("tools");
        for (Tool t : r.tools()) {
            ObjectNode tool = tools.addObject();
            tool.put("type", t.type());
            tool.put("name", t.name());
            tool.put("description", t.description());
            tool.set("parameters", t.parameters());
            if (t.strict() != null) {
                tool.put("strict", t.strict());
            }
            putExtra(tool, t.extra());
        }
        putIfPresent(node, "tool_choice", r.toolChoice());
        putIfPresent(node, "response_format", r.responseFormat());
        if (r.temperature() != null) {
            node.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            node.put("top_p", r.topP());
        }
        if (r.maxTokens() != null) {
            node.put("max_tokens", r.maxTokens());
        }
        if (r.maxCompletionTokens() != null) {
            node.put("max_completion_tokens", r.maxCompletionTokens());
        }
        if (r.n() != null) {
            node.put("n", r.n());
        }
        if (r.stop() != null) {
            ArrayNode stop = node.putArray("stop");
            r.stop().forEach(stop::add);
        }
        if (r.seed() != null) {
            node.put("seed", r.seed());
        }
        if (r.logprobs() != null) {
            node.put("logprobs", r.logprobs());
        }
        if (r.topLogprobs() != null) {
            node.put("top_logprobs", r.topLogprobs());
        }
        ObjectNode extra = node.putObject("extra");
        r.extra().forEach((k, v) -> {
            if (!STREAM_OPTIONS.equals(k)) {
                extra.set(k, v);
            }
        });
        return node;
    }

    private static ArrayNode messages(List<Message> messages) {
        ArrayNode array = NODES.arrayNode();
        for (Message m : messages) {
            ObjectNode node = array.addObject();
            node.put("role", m.role().wire());
            node.set("content", content(m.content()));
            node.put("name", m.name());
            node.put("tool_call_id", m.toolCallId());
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall c : m.toolCalls()) {
                calls.addObject().put("id", c.id()).put("type", c.type()).put("name", c.name())
                        .put("arguments", c.arguments());
            }
            putExtra(node, m.extra());
        }
        return array;
    }

    private static JsonNode content(Content content) {
        if (content == null) {
            return NODES.nullNode();
        }
        if (content instanceof Content.Text text) {
            return NODES.textNode(text.text());
        }
        ArrayNode parts = NODES.arrayNode();
        for (ContentPart part : ((Content.Parts) content).parts()) {
            if (part instanceof ContentPart.Text t) {
                parts.addObject().put("type", "text").put("text", t.text());
            } else if (part instanceof ContentPart.ImageUrl image) {
                parts.addObject().put("type", "image_url").put("url", image.url()).put("detail", image.detail());
            } else {
                parts.add(((ContentPart.Other) part).raw());
            }
        }
        return parts;
    }

    private static void putIfPresent(ObjectNode node, String key, JsonNode value) {
        if (value != null && !value.isNull()) {
            node.set(key, value);
        }
    }

    private static void putExtra(ObjectNode node, Map<String, JsonNode> extra) {
        if (!extra.isEmpty()) {
            ObjectNode e = node.putObject("extra");
            extra.forEach(e::set);
        }
    }

    private static String digest(JsonNode node) {
        try {
            byte[] bytes = JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
