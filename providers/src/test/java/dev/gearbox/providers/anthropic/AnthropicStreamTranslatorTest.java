package dev.gearbox.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicStreamTranslatorTest {
    private static final String START = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"model\":\"claude-x\","
            + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":100,"
            + "\"output_tokens\":1}}}";

    private static AnthropicStreamTranslator translator(boolean includeUsage, boolean jsonMode, long created) {
        return new AnthropicStreamTranslator(includeUsage, jsonMode, created,
                data -> new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "mapped: " + data));
    }

    private static List<ChatChunk> feed(AnthropicStreamTranslator t, String... events) {
        List<ChatChunk> out = new ArrayList<>();
        for (String e : events) {
            out.addAll(t.onEvent(e));
        }
        return out;
    }

    private static String textDelta(int index, String text) {
        return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"text_delta\",\"text\":\""
                + text + "\"}}";
    }

    private static String jsonDelta(int index, String partial) {
        return "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"" + partial.replace("\"", "\\\"") + "\"}}";
    }

    private static String toolStart(int index, String id, String name) {
        return "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\""
                + id + "\",\"name\":\"" + name + "\",\"input\":{}}}";
    }

    private static String messageDelta(String stopReason, int outputTokens) {
        return "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\"},\"usage\":{\"output_tokens\":"
                + outputTokens + "}}";
    }

    private static final String STOP = "{\"type\":\"message_stop\"}";

    @Test
    void textStreamsAsContentAfterARoleChunkAndUsageComesOnceAtTheEndWhenAsked() {
        AnthropicStreamTranslator t = translator(true, false, 1_700_000_000L);

        List<ChatChunk> chunks = feed(t, START, "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"text\",\"text\":\"\"}}", "{\"type\":\"ping\"}", textDelta(0, "Hel"), textDelta(0, "lo"),
                "{\"type\":\"content_block_stop\",\"index\":0}", messageDelta("end_turn", 7));
        assertThat(t.done()).isFalse();
        chunks.addAll(t.onEvent(STOP));

        assertThat(t.done()).isTrue();
        assertThat(chunks).hasSize(5);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.id()).isEqualTo("msg_s");
            assertThat(c.model()).isEqualTo("claude-x");
            assertThat(c.created()).isEqualTo(1_700_000_000L);
        });
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        assertThat(chunks.get(1).choices().get(0).delta().content()).isEqualTo("Hel");
        assertThat(chunks.get(2).choices().get(0).delta().content()).isEqualTo("lo");
        assertThat(chunks.get(3).choices().get(0).finishReason()).isEqualTo("stop");
        ChatChunk usage = chunks.get(4);
        assertThat(usage.isUsageOnly()).isTrue();
        assertThat(usage.usage().promptTokens()).isEqualTo(115);
        assertThat(usage.usage().completionTokens()).isEqualTo(7);
        assertThat(usage.usage().extra().get("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void withoutIncludeUsageNoUsageChunk() {
        AnthropicStreamTranslator t = translator(false, false, 0);

        List<ChatChunk> chunks = feed(t, START, textDelta(0, "x"), messageDelta("max_tokens", 1), STOP);

        assertThat(chunks).noneMatch(c -> c.usage() != null);
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).isEqualTo("length");
    }

    @Test
    void toolCallIndexesCountCallsNotContentBlocks() {
        AnthropicStreamTranslator t = translator(false, false, 0);

        List<ChatChunk> chunks = feed(t, START, textDelta(0, "Let me see."), toolStart(1, "toolu_a", "get_weather"),
                jsonDelta(1, ""), jsonDelta(1, "{\"city\":"), toolStart(2, "toolu_b", "get_time"), jsonDelta(2, "{}"),
                jsonDelta(1, "\"Paris\"}"), messageDelta("tool_use", 30), STOP);

        List<ToolCallDelta> calls = chunks.stream().flatMap(c -> c.choices().stream())
                .flatMap(c -> c.delta().toolCalls().stream()).toList();
        assertThat(calls).containsExactly(
                new ToolCallDelta(0, "toolu_a", "function", "get_weather", ""),
                new ToolCallDelta(0, null, null, null, "{\"city\":"),
                new ToolCallDelta(1, "toolu_b", "function", "get_time", ""),
                new ToolCallDelta(1, null, null, null, "{}"),
                new ToolCallDelta(0, null, null, null, "\"Paris\"}"));
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void jsonModesToolStreamsAsContentAndEndsAsStop() {
        AnthropicStreamTranslator t = translator(false, true, 0);

        List<ChatChunk> chunks = feed(t, START, toolStart(0, "toolu_j", "json_response"), jsonDelta(0, "{\"a\":"),
                jsonDelta(0, "1}"), messageDelta("tool_use", 5), STOP);

        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(ch -> {
            assertThat(ch.delta().toolCalls()).isEmpty();
            if (ch.delta().content() != null) {
                text.append(ch.delta().content());
            }
        }));
        assertThat(text).hasToString("{\"a\":1}");
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).isEqualTo("stop");
    }

    @Test
    void thinkingAndUnknownEventsGiveNothing() {
        AnthropicStreamTranslator t = translator(false, false, 0);
        feed(t, START);

        assertThat(feed(t, "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"h\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"s\"}}",
                "{\"type\":\"something_new\"}")).isEmpty();
    }

    @Test
    void anErrorEventIsThrownAsTheMappingSaysEvenWithoutAnEventName() {
        AnthropicStreamTranslator t = translator(false, false, 0);
        feed(t, START, textDelta(0, "x"));

        String data = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> t.onEvent(data));
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("mapped: " + data);
        assertThat(t.done()).isFalse();
    }

    @Test
    void argumentsForABlockThatIsNotAToolAreTheUpstreamsFault() {
        AnthropicStreamTranslator t = translator(false, false, 0);
        feed(t, START);

        GatewayException e = catchThrowableOfType(GatewayException.class, () -> t.onEvent(jsonDelta(3, "{}")));
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        GatewayException notJson = catchThrowableOfType(GatewayException.class, () -> t.onEvent("{oops"));
        assertThat(notJson.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
    }
}
