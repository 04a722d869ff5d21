package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one Anthropic event stream into OpenAI chunks, event by event. No I/O; one instance per
 * stream, fed in order from one thread.
 *
 * <ul>
 *   <li>{@code message_start}: the first chunk, {@code role: assistant}; input-side usage is kept.</li>
 *   <li>{@code content_block_start} of a {@code tool_use}: a tool-call delta with id and name. Its
 *       {@code index} counts tool calls from 0 (Anthropic's block index also counts text blocks).</li>
 *   <li>{@code content_block_delta}: {@code text_delta} is content, {@code input_json_delta} the
 *       call's arguments (or, in JSON mode, content); thinking deltas are left out.</li>
 *   <li>{@code message_delta}: the finish reason; its usage completes the output count.</li>
 *   <li>{@code message_stop}: with include_usage, one usage-only chunk; then the stream is done.</li>
 *   <li>{@code ping}, {@code content_block_stop} and unknown events give nothing.</li>
 * </ul>
 * An {@code error} event is thrown as the GatewayException the given error mapping makes of it.
 */
public final class AnthropicStreamTranslator {
    private final boolean includeUsage;
    private final boolean jsonMode;
    private final long created;
    private final Function<String, GatewayException> errorEvents;
    /** Anthropic content block index -> OpenAI tool-call index. */
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    /** Content blocks that carry JSON mode's answer (streamed as content). */
    private final Map<Integer, Boolean> jsonBlocks = new HashMap<>();
    private String id = "";
    private String model = "";
    private AnthropicUsage.Counts usage = AnthropicUsage.Counts.NONE;
    private boolean done;

    /**
     * @param created     the {@code created} every chunk carries (Anthropic sends none)
     * @param errorEvents what an {@code error} event's data means, e.g. {@link AnthropicErrorMapper#mapStreamError}
     */
    public AnthropicStreamTranslator(boolean includeUsage, boolean jsonMode, long created,
                                     Function<String, GatewayException> errorEvents) {
        this.includeUsage = includeUsage;
        this.jsonMode = jsonMode;
        this.created = created;
        this.errorEvents = errorEvents;
    }

    /** The chunks one event's {@code data} translates to (often none); an error event is thrown. */
    public List<ChatChunk> onEvent(String data) {
        JsonNode event = AnthropicJson.readUpstream(data.getBytes(StandardCharsets.UTF_8), "a stream event");
        return switch (event.path("type").asText()) {
            case "message_start" -> messageStart(event.path("message"));
            case "content_block_start" -> blockStart(event.path("index").asInt(), event.path("content_block"));
            case "content_block_delta" -> blockDelta(event.path("index").asInt(), event.path("delta"));
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> messageStop();
            case "error" -> throw errorEvents.apply(data);
            default -> List.of();
        };
    }

    /** True once {@code message_stop} arrived: the stream is complete. */
    public boolean done() {
        return done;
    }

    private List<ChatChunk> messageStart(JsonNode message) {
        id = message.path("id").asText("");
        model = message.path("model").asText("");
        usage = usage.merge(message.get("usage"));
        return List.of(chunk(new Delta(Role.ASSISTANT, "", List.of(), Map.of()), null));
    }

    private List<ChatChunk> blockStart(int block, JsonNode contentBlock) {
        switch (contentBlock.path("type").asText()) {
            case "text" -> {
                String text = contentBlock.path("text").asText("");
                return text.isEmpty() ? List.of() : List.of(chunk(Delta.content(text), null));
            }
            case "tool_use" -> {
                if (jsonMode && JsonModeTool.NAME.equals(contentBlock.path("name").asText())) {
                    jsonBlocks.put(block, true);
                    return List.of();
                }
                int index = toolIndexByBlock.size();
                toolIndexByBlock.put(block, index);
                ToolCallDelta call = new ToolCallDelta(index, contentBlock.path("id").asText(), "function",
                        contentBlock.path("name").asText(), "");
                return List.of(chunk(new Delta(null, null, List.of(call), Map.of()), null));
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<ChatChunk> blockDelta(int block, JsonNode delta) {
        switch (delta.path("type").asText()) {
            case "text_delta" -> {
                return List.of(chunk(Delta.content(delta.path("text").asText("")), null));
            }
            case "input_json_delta" -> {
                String partial = delta.path("partial_json").asText("");
                if (partial.isEmpty()) {
                    return List.of();
                }
                if (jsonBlocks.containsKey(block)) {
                    return List.of(chunk(Delta.content(partial), null));
                }
                Integer index = toolIndexByBlock.get(block);
                if (index == null) {
                    throw AnthropicJson.invalid("input_json_delta for content block " + block + " that is not a tool_use");
                }
                ToolCallDelta call = new ToolCallDelta(index, null, null, null, partial);
                return List.of(chunk(new Delta(null, null, List.of(call), Map.of()), null));
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<ChatChunk> messageDelta(JsonNode event) {
        usage = usage.merge(event.get("usage"));
        String finish = StopReasons.finishReason(event.path("delta").path("stop_reason").asText(null), jsonMode);
        return finish == null ? List.of() : List.of(chunk(new Delta(null, null, List.of(), Map.of()), finish));
    }

    private List<ChatChunk> messageStop() {
        done = true;
        if (!includeUsage) {
            return List.of();
        }
        return List.of(new ChatChunk(id, created, model, List.of(), usage.toUsage(), null, Map.of()));
    }

    private ChatChunk chunk(Delta delta, String finishReason) {
        return new ChatChunk(id, created, model, List.of(new ChunkChoice(0, delta, finishReason, null)), null, null,
                Map.of());
    }
}
