package dev.gearbox.providers.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Decides what a simulated model answers. Deterministic: the same settings seed, model and
 * request content give the same plan. Prose is one token per word, composed from
 * {@link SentenceBank} with a generator seeded by the settings seed, the request's {@code seed}
 * and a hash of the last user message; its first sentence says which model simulated it.
 * JSON answers and tool-call arguments count one token per 4 characters. Text ends before the
 * first {@code stop} string; the output-token limit cuts it with finish reason "length".
 */
final class AnswerPlanner {
    private static final int MAX_CHOICES = 128;
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SimulatorSettings settings;
    private final String model;

    AnswerPlanner(SimulatorSettings settings, String model) {
        this.settings = settings;
        this.model = model;
    }

    AnswerPlan plan(ChatRequest request) {
        validate(request);
        int n = request.n() == null ? 1 : request.n();
        Integer limit = request.outputTokenLimit();
        Optional<Tool> tool = ToolChoicePolicy.toolToCall(request);
        long baseSeed = baseSeed(request);
        List<SimulatedChoice> choices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Random random = new Random(baseSeed * 31 + i);
            if (tool.isPresent()) {
                choices.add(toolCall(i, tool.get(), limit, random));
            } else if (isJsonMode(request.responseFormat())) {
                List<String> pieces = ApproxTokenizer.pieces(json(request.responseFormat(), random));
                choices.add(capped(i, StopSequences.cut(pieces, request.stop()), limit, null));
            } else {
                choices.add(capped(i, StopSequences.cut(prose(limit, random), request.stop()), limit, null));
            }
        }
        return new AnswerPlan(choices, ApproxTokenizer.countPrompt(request.messages()), baseSeed);
    }

    private static void validate(ChatRequest request) {
        if (request.messages().isEmpty()) {
            throw GatewayException.invalid("messages must contain at least one message", "messages");
        }
        if (request.n() != null && (request.n() < 1 || request.n() > MAX_CHOICES)) {
            throw GatewayException.invalid("n must be between 1 and " + MAX_CHOICES, "n");
        }
        Integer limit = request.outputTokenLimit();
        if (limit != null && limit < 1) {
            throw GatewayException.invalid("the output token limit must be at least 1",
                    request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens");
        }
    }

    private long baseSeed(ChatRequest request) {
        String lastUser = "";
        for (Message m : request.messages()) {
            if (m.role() == Role.USER) {
                lastUser = m.text();
            }
        }
        long requestSeed = request.seed() == null ? 0 : request.seed();
        return (settings.seed() * 1_000_003L) ^ ((long) lastUser.hashCode() << 16) ^ requestSeed;
    }

    /** {@code answerTokens} words, the first sentence naming the model; a complete sentence unless the limit cuts it. */
    private List<String> prose(Integer limit, Random random) {
        int target = Math.max(1, settings.answerTokens());
        List<String> words = new ArrayList<>(target + 16);
        addWords(words, "This is a simulated answer from " + model + ".");
        while (words.size() < target) {
            addWords(words, SentenceBank.sentence(random));
        }
        List<String> kept = new ArrayList<>(words.subList(0, target));
        boolean truncated = limit != null && limit < target;
        if (!truncated) {
            endSentence(kept);
        }
        List<String> pieces = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            pieces.add(i == 0 ? kept.get(i) : " " + kept.get(i));
        }
        return pieces;
    }

    private SimulatedChoice toolCall(int index, Tool tool, Integer limit, Random random) {
        String arguments = JsonSchemaFiller.fillRequired(tool.parameters(), random).toString();
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return capped(index, ApproxTokenizer.pieces(arguments), limit, ToolCall.function(id.toString(), tool.name(), ""));
    }

    /** Applies the output-token limit: a cut answer finishes with "length". */
    private static SimulatedChoice capped(int index, List<String> pieces, Integer limit, ToolCall call) {
        boolean cut = limit != null && pieces.size() > limit;
        List<String> kept = cut ? pieces.subList(0, limit) : pieces;
        String finish = cut ? "length" : call != null ? "tool_calls" : "stop";
        ToolCall complete = call == null ? null
                : ToolCall.function(call.id(), call.name(), String.join("", kept));
        return new SimulatedChoice(index, kept, complete, finish);
    }

    private static boolean isJsonMode(JsonNode responseFormat) {
        if (responseFormat == null) {
            return false;
        }
        String type = responseFormat.path("type").asText("");
        return type.equals("json_object") || type.equals("json_schema");
    }

    private String json(JsonNode responseFormat, Random random) {
        if ("json_schema".equals(responseFormat.path("type").asText())) {
            JsonNode schema = responseFormat.path("json_schema").get("schema");
            if (schema != null && schema.isObject()) {
                return JsonSchemaFiller.fillAll(schema, random).toString();
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("answer", SentenceBank.sentence(random));
        answer.put("model", model);
        answer.put("simulated", true);
        return answer.toString();
    }

    private static void addWords(List<String> words, String sentence) {
        for (String w : sentence.split(" ")) {
            words.add(w);
        }
    }

    private static void endSentence(List<String> words) {
        int last = words.size() - 1;
        String w = words.get(last);
        char c = w.charAt(w.length() - 1);
        if (c != '.' && c != '!' && c != '?') {
            words.set(last, (c == ',' || c == ';' ? w.substring(0, w.length() - 1) : w) + ".");
        }
    }
}
