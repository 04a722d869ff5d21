package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.config.AnthropicSettings;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import java.util.Set;

/**
 * The canonical request as an Anthropic Messages API body. Pure: no I/O, no state.
 *
 * <p>{@code max_tokens} is the client's {@code max_completion_tokens} or {@code max_tokens}, else the
 * deployment's default (Anthropic requires one). {@code stop} becomes {@code stop_sequences};
 * {@code temperature} is capped at 1 (Anthropic's range is 0..1, OpenAI's 0..2); {@code user}
 * becomes {@code metadata.user_id}. Anthropic's own {@code top_k} and {@code thinking} pass
 * through; OpenAI's {@code metadata} (tags for stored completions) means something else and is not sent; other OpenAI-only fields ({@code seed}, {@code frequency_penalty},
 * {@code presence_penalty}, {@code logit_bias}, {@code store}, ...) have no counterpart and are not sent.
 * What Anthropic cannot do at all ({@code n > 1}, {@code logprobs}) is refused with the field named.
 */
public final class AnthropicRequestTranslator {
    /** Anthropic request fields a client may send through {@code extra}. */
    private static final Set<String> NATIVE_PASSTHROUGH = Set.of("top_k", "thinking");

    private AnthropicRequestTranslator() {
    }

    /** The JSON body for {@code request}, sending {@code model}; streamed when {@code request.stream()}. */
    public static byte[] write(ChatRequest request, String model, AnthropicSettings settings) {
        try {
            return AnthropicJson.MAPPER.writeValueAsBytes(translate(request, model, settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static ObjectNode translate(ChatRequest request, String model, AnthropicSettings settings) {
        refuseWhatAnthropicLacks(request);
        boolean jsonMode = JsonModeTool.requested(request);
        if (jsonMode && !request.tools().isEmpty()) {
            throw GatewayException.invalid("JSON mode cannot be combined with tools on Anthropic deployments "
                    + "(it is implemented with a tool of its own)", "response_format");
        }
        AnthropicMessages.Translated conversation = AnthropicMessages.translate(request.messages());

        ObjectNode body = AnthropicJson.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens(request, settings));
        if (conversation.system() != null) {
            body.put("system", conversation.system());
        }
        body.set("messages", conversation.messages());
        if (request.stop() != null && !request.stop().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            request.stop().forEach(stops::add);
        }
        if (request.temperature() != null) {
            body.put("temperature", Math.min(1.0, Math.max(0.0, request.temperature())));
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (jsonMode) {
            body.putArray("tools").add(JsonModeTool.tool(request));
            body.set("tool_choice", JsonModeTool.toolChoice());
        } else if (!request.tools().isEmpty()) {
            body.set("tools", AnthropicTools.tools(request.tools()));
            ObjectNode choice = AnthropicTools.toolChoice(request.toolChoice(), request.extra().get("parallel_tool_calls"));
            if (choice != null) {
                body.set("tool_choice", choice);
            }
        }
        metadata(request, body);
        NATIVE_PASSTHROUGH.forEach(key -> {
            JsonNode value = request.extra().get(key);
            if (value != null && !value.isNull()) {
                body.set(key, value);
            }
        });
        if (request.stream()) {
            body.put("stream", true);
        }
        return body;
    }

    private static void refuseWhatAnthropicLacks(ChatRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw GatewayException.invalid("Anthropic deployments return one choice per request; n must be 1", "n");
        }
        if (Boolean.TRUE.equals(request.logprobs())) {
            throw GatewayException.invalid("Anthropic deployments do not return log probabilities", "logprobs");
        }
        if (request.topLogprobs() != null && request.topLogprobs() > 0) {
            throw GatewayException.invalid("Anthropic deployments do not return log probabilities", "top_logprobs");
        }
    }

    private static int maxTokens(ChatRequest request, AnthropicSettings settings) {
        Integer asked = request.outputTokenLimit();
        if (asked == null) {
            return settings.defaultMaxTokens();
        }
        if (asked < 1) {
            String param = request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens";
            throw GatewayException.invalid(param + " must be at least 1", param);
        }
        return asked;
    }

    /** OpenAI's {@code user} is Anthropic's {@code metadata.user_id}. */
    private static void metadata(ChatRequest request, ObjectNode body) {
        JsonNode user = request.extra().get("user");
        if (user != null && user.isTextual() && !user.asText().isEmpty()) {
            body.putObject("metadata").put("user_id", user.asText());
        }
    }
}
