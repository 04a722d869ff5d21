package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Gemini {@code streamGenerateContent?alt=sse} stream as OpenAI chunks. Each SSE event is a
 * {@code GenerateContentResponse} carrying the next parts of each candidate: text becomes content
 * deltas, each function call (Gemini sends it whole) a tool-call delta whose {@code index} counts the
 * candidate's calls from 0, and a candidate's finishReason its {@code finish_reason}. The first delta
 * of a candidate carries {@code role: assistant}. Gemini repeats cumulative usage on its events; the
 * last one seen is the stream's usage. Not thread-safe: one per stream, fed in order.
 */
public final class GeminiStreamTranslator {
    private final String fallbackId;
    private final String fallbackModel;
    private final long created;
    private final Map<Integer, CandidateState> candidates = new HashMap<>();
    private String id;
    private String model;
    private Usage usage;
    private boolean blocked;

    private static final class CandidateState {
        boolean started;
        int toolCalls;
        boolean finished;
    }

    public GeminiStreamTranslator(String fallbackId, String fallbackModel, long created) {
        this.fallbackId = fallbackId;
        this.fallbackModel = fallbackModel;
        this.created = created;
    }

    /** The chunk for one event, or null when the event says nothing a client would see (usage only). */
    public ChatChunk onEvent(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw GeminiResponseTranslator.invalid("stream event is not a JSON object");
        }
        if (id == null) {
            id = GeminiResponseTranslator.id(event, fallbackId);
            model = GeminiResponseTranslator.model(event, fallbackModel);
        }
        Usage eventUsage = GeminiUsage.from(event.get("usageMetadata"));
        if (eventUsage != null) {
            usage = eventUsage;
        }
        List<ChunkChoice> choices = new ArrayList<>();
        JsonNode list = event.get("candidates");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                ChunkChoice choice = choice(GeminiCandidate.read(list.get(i), i));
                if (choice != null) {
                    choices.add(choice);
                }
            }
        }
        String blockReason = GeminiResponseTranslator.blockReason(event);
        if (choices.isEmpty() && blockReason != null && !blocked) {
            blocked = true;
            Delta refusal = new Delta(Role.ASSISTANT, null, List.of(),
                    Map.of("refusal", TextNode.valueOf(GeminiResponseTranslator.refusalText(blockReason))));
            choices.add(new ChunkChoice(0, refusal, GeminiFinishReasons.CONTENT_FILTER, null));
        }
        return choices.isEmpty() ? null : new ChatChunk(id, created, model, choices, null, null, Map.of());
    }

    private ChunkChoice choice(GeminiCandidate c) {
        CandidateState state = candidates.computeIfAbsent(c.index(), k -> new CandidateState());
        if (state.finished) {
            return null;
        }
        List<ToolCallDelta> calls = new ArrayList<>(c.calls().size());
        for (GeminiCandidate.Call call : c.calls()) {
            int n = state.toolCalls++;
            calls.add(new ToolCallDelta(n, GeminiToolCallIds.id(n, call.thoughtSignature()), "function", call.name(),
                    call.arguments()));
        }
        String finish = GeminiFinishReasons.toOpenAi(c.finishReason(), state.toolCalls > 0);
        state.finished = finish != null;
        boolean first = !state.started;
        if (!first && c.text() == null && calls.isEmpty() && finish == null && c.logprobs() == null) {
            return null;
        }
        state.started = true;
        Delta delta = new Delta(first ? Role.ASSISTANT : null, c.text(), calls, Map.of());
        return new ChunkChoice(c.index(), delta, finish, c.logprobs());
    }

    /** True once every candidate has a finish reason (or the prompt was blocked): the stream is whole. */
    public boolean finished() {
        return blocked || !candidates.isEmpty() && candidates.values().stream().allMatch(s -> s.finished);
    }

    /** The usage-only chunk that ends an {@code include_usage} stream, or null when Gemini sent no usage. */
    public ChatChunk usageChunk() {
        if (usage == null) {
            return null;
        }
        return new ChatChunk(id == null ? fallbackId : id, created, model == null ? fallbackModel : model, List.of(),
                usage, null, Map.of());
    }
}
