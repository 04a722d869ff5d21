package dev.gearbox.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.Usage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AnthropicResponseTranslatorTest {

    private static ChatResponse read(String body, boolean jsonMode) {
        return AnthropicResponseTranslator.read(body.getBytes(StandardCharsets.UTF_8), jsonMode, 1_700_000_000L);
    }

    private static String message(String content, String stopReason, String usage) {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":"
                + content + ",\"stop_reason\":" + (stopReason == null ? "null" : "\"" + stopReason + "\"")
                + ",\"stop_sequence\":null,\"usage\":" + usage + "}";
    }

    @Test
    void textBlocksJoinAndToolUseBlocksBecomeCallsInOrder() {
        ChatResponse r = read(message("""
                [{"type":"thinking","thinking":"hmm","signature":"s"},
                 {"type":"text","text":"Checking "},{"type":"text","text":"both."},
                 {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                 {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}]""", "tool_use",
                "{\"input_tokens\":10,\"output_tokens\":4}"), false);

        assertThat(r.id()).isEqualTo("msg_1");
        assertThat(r.model()).isEqualTo("claude-x");
        assertThat(r.created()).isEqualTo(1_700_000_000L);
        assertThat(r.firstText()).isEqualTo("Checking both.");
        assertThat(r.choices().get(0).message().toolCalls()).containsExactly(
                ToolCall.function("toolu_1", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.function("toolu_2", "get_time", "{}"));
        assertThat(r.choices().get(0).finishReason()).isEqualTo("tool_calls");
        assertThat(r.usage()).isEqualTo(Usage.of(10, 4));
    }

    @Test
    void onlyToolCallsMeansNoContentLikeOpenAi() {
        ChatResponse r = read(message("[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}]", "tool_use",
                "{\"input_tokens\":1,\"output_tokens\":1}"), false);

        assertThat(r.choices().get(0).message().content()).isNull();
    }

    @Test
    void cacheTokensCountAsPromptTokensAndAreDetailed() {
        Usage u = read(message("[{\"type\":\"text\",\"text\":\"hi\"}]", "end_turn",
                "{\"input_tokens\":10,\"cache_creation_input_tokens\":200,\"cache_read_input_tokens\":1000,"
                        + "\"output_tokens\":5}"), false).usage();

        assertThat(u.promptTokens()).isEqualTo(1210);
        assertThat(u.completionTokens()).isEqualTo(5);
        assertThat(u.totalTokens()).isEqualTo(1215);
        assertThat(u.extra().get("prompt_tokens_details").toString())
                .isEqualTo("{\"cached_tokens\":1000,\"cache_creation_tokens\":200}");
    }

    @Test
    void jsonModesToolInputIsTheAnswerText() {
        ChatResponse r = read(message("[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"json_response\","
                + "\"input\":{\"greeting\":\"hello\"}}]", "tool_use", "{\"input_tokens\":1,\"output_tokens\":1}"), true);

        assertThat(r.firstText()).isEqualTo("{\"greeting\":\"hello\"}");
        assertThat(r.choices().get(0).message().toolCalls()).isEmpty();
        assertThat(r.choices().get(0).finishReason()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({"end_turn,stop", "stop_sequence,stop", "pause_turn,stop", "max_tokens,length",
            "model_context_window_exceeded,length", "tool_use,tool_calls", "refusal,content_filter",
            "something_new,stop"})
    void stopReasonsBecomeFinishReasons(String stopReason, String finishReason) {
        ChatResponse r = read(message("[{\"type\":\"text\",\"text\":\"x\"}]", stopReason,
                "{\"input_tokens\":1,\"output_tokens\":1}"), false);

        assertThat(r.choices().get(0).finishReason()).isEqualTo(finishReason);
    }

    @Test
    void aBodyThatIsNotAMessageIsTheUpstreamsFault() {
        for (String body : new String[] {"not json", "[1]", "{\"type\":\"error\",\"error\":{}}"}) {
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> read(body, false));
            assertThat(e).as(body).isNotNull();
            assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        }
    }
}
