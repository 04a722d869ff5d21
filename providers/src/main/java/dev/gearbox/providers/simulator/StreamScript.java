package dev.gearbox.providers.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns an answer plan into the timed chunks of a stream: per choice a role chunk at the time to
 * first token, content (or tool-call argument) chunks of 1 to 3 tokens each sent when their last
 * token is generated, then a finish chunk; with include_usage a final usage-only chunk.
 * Token {@code j} (0-based) is ready at {@code ttft + (j + 1) / tokensPerSecond}.
 */
final class StreamScript {

    /** A chunk and when it is due, measured from the start of the call. */
    record TimedChunk(Duration at, ChatChunk chunk) {
    }

    record Header(String id, long created, String model, String systemFingerprint) {
    }

    private final Duration timeToFirstToken;
    private final double tokensPerSecond;

    StreamScript(Duration timeToFirstToken, double tokensPerSecond) {
        this.timeToFirstToken = timeToFirstToken;
        this.tokensPerSecond = tokensPerSecond;
    }

    /** When token {@code tokenCount - 1} is ready: the end of generation for that many tokens. */
    Duration readyAfter(int tokenCount) {
        if (tokensPerSecond <= 0 || tokenCount <= 0) {
            return timeToFirstToken;
        }
        return timeToFirstToken.plusNanos((long) (tokenCount * 1_000_000_000L / tokensPerSecond));
    }

    List<TimedChunk> chunks(AnswerPlan plan, Header header, boolean includeUsage, LogprobsFactory logprobs,
                            Random random) {
        List<TimedChunk> out = new ArrayList<>();
        for (SimulatedChoice choice : plan.choices()) {
            out.add(new TimedChunk(timeToFirstToken, chunk(header, choice.index(), roleDelta(choice), null, null)));
            List<String> pieces = choice.pieces();
            int start = 0;
            while (start < pieces.size()) {
                int end = Math.min(pieces.size(), start + 1 + random.nextInt(3));
                List<String> group = pieces.subList(start, end);
                String text = String.join("", group);
                Delta delta = choice.toolCall() == null
                        ? Delta.content(text)
                        : new Delta(null, null, List.of(new ToolCallDelta(0, null, null, null, text)), Map.of());
                JsonNode lp = logprobs == null || choice.toolCall() != null ? null : logprobs.forPieces(group);
                out.add(new TimedChunk(readyAfter(end), chunk(header, choice.index(), delta, null, lp)));
                start = end;
            }
            Delta empty = new Delta(null, null, List.of(), Map.of());
            out.add(new TimedChunk(readyAfter(pieces.size()),
                    chunk(header, choice.index(), empty, choice.finishReason(), null)));
        }
        out.sort(Comparator.comparing(TimedChunk::at));
        if (includeUsage) {
            Duration end = out.get(out.size() - 1).at();
            Usage usage = plan.usage();
            out.add(new TimedChunk(end, new ChatChunk(header.id(), header.created(), header.model(), List.of(), usage,
                    header.systemFingerprint(), Map.of())));
        }
        return out;
    }

    private static Delta roleDelta(SimulatedChoice choice) {
        if (choice.toolCall() == null) {
            return new Delta(Role.ASSISTANT, "", List.of(), Map.of());
        }
        var call = choice.toolCall();
        return new Delta(Role.ASSISTANT, null,
                List.of(new ToolCallDelta(0, call.id(), "function", call.name(), "")), Map.of());
    }

    private static ChatChunk chunk(Header h, int index, Delta delta, String finishReason, JsonNode logprobs) {
        return new ChatChunk(h.id(), h.created(), h.model(), List.of(new ChunkChoice(index, delta, finishReason, logprobs)),
                null, h.systemFingerprint(), Map.of());
    }
}
