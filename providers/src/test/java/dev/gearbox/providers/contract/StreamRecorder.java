package dev.gearbox.providers.contract;

import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import dev.gearbox.providers.testing.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records one stream as a client would see it, and assembles it the way SDKs do (tool calls by index). */
final class StreamRecorder extends RecordingSink {
    /** All content deltas of choice 0, in order. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (ChunkChoice c : choices()) {
            if (c.delta().content() != null) {
                sb.append(c.delta().content());
            }
        }
        return sb.toString();
    }

    /** The finish reasons of choice 0, in order (an SDK expects exactly one). */
    List<String> finishReasons() {
        List<String> out = new ArrayList<>();
        for (ChunkChoice c : choices()) {
            if (c.finishReason() != null) {
                out.add(c.finishReason());
            }
        }
        return out;
    }

    /** The usages carried by any chunk. */
    List<Usage> usages() {
        return chunks.stream().map(ChatChunk::usage).filter(u -> u != null).toList();
    }

    /** Tool calls assembled by {@code index}: id and name from the first fragment, arguments concatenated. */
    Map<Integer, AssembledCall> toolCalls() {
        Map<Integer, AssembledCall> calls = new TreeMap<>();
        for (ChunkChoice c : choices()) {
            for (ToolCallDelta d : c.delta().toolCalls()) {
                AssembledCall prior = calls.get(d.index());
                calls.put(d.index(), prior == null
                        ? new AssembledCall(d.id(), d.name(), d.arguments() == null ? "" : d.arguments(), 1)
                        : prior.plus(d));
            }
        }
        return calls;
    }

    private List<ChunkChoice> choices() {
        return chunks.stream().flatMap(ch -> ch.choices().stream()).filter(c -> c.index() == 0).toList();
    }

    /** One tool call put back together; {@code idFragments} counts fragments that carried an id. */
    record AssembledCall(String id, String name, String arguments, int idFragments) {
        AssembledCall plus(ToolCallDelta d) {
            return new AssembledCall(id, name, arguments + (d.arguments() == null ? "" : d.arguments()),
                    idFragments + (d.id() == null ? 0 : 1));
        }
    }
}
