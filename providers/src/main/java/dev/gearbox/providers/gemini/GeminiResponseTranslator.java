package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Gemini {@code GenerateContentResponse} as an OpenAI chat completion. Each candidate is a choice;
 * function calls become tool calls with ids from {@link GeminiToolCallIds}; a prompt Gemini blocked
 * ({@code promptFeedback.blockReason}, no candidates) is an answer with {@code finish_reason:
 * content_filter} and a {@code refusal} naming the reason, the way OpenAI reports a filtered answer,
 * so the client gets a 200 it can read rather than an error it cannot act on.
 */
public final class GeminiResponseTranslator {

    /**
     * @param fallbackId    the completion id when Gemini sent no {@code responseId}
     * @param fallbackModel the model name when Gemini sent no {@code modelVersion}
     * @param created       the completion's {@code created} (epoch seconds)
     */
    public ChatResponse translate(JsonNode body, String fallbackId, String fallbackModel, long created) {
        if (body == null || !body.isObject()) {
            throw invalid("expected a JSON object");
        }
        JsonNode candidates = body.get("candidates");
        List<Choice> choices = new ArrayList<>();
        if (candidates != null && candidates.isArray()) {
            for (int i = 0; i < candidates.size(); i++) {
                choices.add(choice(GeminiCandidate.read(candidates.get(i), i)));
            }
        }
        if (choices.isEmpty()) {
            String blocked = blockReason(body);
            if (blocked == null) {
                throw invalid("no candidates and no promptFeedback.blockReason");
            }
            choices.add(new Choice(0, refusal(blocked), GeminiFinishReasons.CONTENT_FILTER, null));
        }
        return new ChatResponse(id(body, fallbackId), created, model(body, fallbackModel), choices,
                GeminiUsage.from(body.get("usageMetadata")), null, Map.of());
    }

    private static Choice choice(GeminiCandidate c) {
        List<ToolCall> calls = new ArrayList<>(c.calls().size());
        for (int n = 0; n < c.calls().size(); n++) {
            calls.add(c.calls().get(n).toToolCall(n));
        }
        Content content = c.text() == null ? null : Content.of(c.text());
        Message message = new Message(Role.ASSISTANT, content, null, calls, null, Map.of());
        // a complete answer is finished even if Gemini omitted the reason; OpenAI clients require one
        String reason = c.finishReason() == null ? "STOP" : c.finishReason();
        return new Choice(c.index(), message, GeminiFinishReasons.toOpenAi(reason, !calls.isEmpty()), c.logprobs());
    }

    /** The assistant message for a blocked prompt: no content, a refusal saying why. */
    static Message refusal(String blockReason) {
        return new Message(Role.ASSISTANT, null, null, List.of(), null,
                Map.of("refusal", TextNode.valueOf(refusalText(blockReason))));
    }

    static String refusalText(String blockReason) {
        return "Gemini blocked the prompt (" + blockReason + ")";
    }

    /** {@code promptFeedback.blockReason}, or null when the prompt was not blocked. */
    static String blockReason(JsonNode body) {
        JsonNode reason = body.path("promptFeedback").get("blockReason");
        return reason == null || reason.isNull() || reason.asText().isEmpty() ? null : reason.asText();
    }

    static String id(JsonNode body, String fallback) {
        JsonNode id = body.get("responseId");
        return id != null && id.isTextual() && !id.textValue().isEmpty() ? "chatcmpl-" + id.textValue() : fallback;
    }

    static String model(JsonNode body, String fallback) {
        JsonNode version = body.get("modelVersion");
        return version != null && version.isTextual() && !version.textValue().isEmpty() ? version.textValue() : fallback;
    }

    static GatewayException invalid(String detail) {
        return GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0,
                "upstream returned an invalid Gemini response: " + detail, null);
    }
}
