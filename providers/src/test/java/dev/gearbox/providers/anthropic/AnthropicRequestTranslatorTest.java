package dev.gearbox.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.config.AnthropicSettings;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicRequestTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AnthropicSettings SETTINGS = new AnthropicSettings("2023-06-01", 1024);
    private static final Tool WEATHER = Tool.function("get_weather", "Weather", json("{\"type\":\"object\"}"));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode translate(ChatRequest r) {
        return AnthropicRequestTranslator.translate(r, "claude-test", SETTINGS);
    }

    private static GatewayException refused(ChatRequest r) {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> translate(r));
        assertThat(e).as("expected a refusal").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        return e;
    }

    private static ChatRequest ask(Message... messages) {
        return ChatRequest.of("auto", List.of(messages));
    }

    private static Message user(String text) {
        return Message.of(Role.USER, text);
    }

    /** A request with the given generation fields; null leaves a field unset. */
    private static ChatRequest with(List<Tool> tools, JsonNode toolChoice, JsonNode responseFormat, Double temperature,
                                    Integer maxTokens, Integer maxCompletionTokens, Integer n, List<String> stop,
                                    Boolean logprobs, Map<String, JsonNode> extra) {
        return new ChatRequest("auto", List.of(user("hi")), false, false, tools, toolChoice, responseFormat, temperature,
                0.9, maxTokens, maxCompletionTokens, n, stop, 42L, logprobs, null, extra);
    }

    @Test
    void systemAndDeveloperMessagesJoinTheTopLevelSystemWhereverTheyStand() {
        JsonNode body = translate(ask(Message.of(Role.SYSTEM, "Be brief."), user("Hi"),
                Message.of(Role.ASSISTANT, "Hello"), Message.of(Role.DEVELOPER, "Answer in French."), user("Again")));

        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("system").asText()).isEqualTo("Be brief.\n\nAnswer in French.");
        assertThat(body.path("messages")).hasSize(3);
        assertThat(body.path("messages").findValuesAsText("role")).containsExactly("user", "assistant", "user");
        assertThat(body.path("messages").get(1).path("content")).isEqualTo(json("[{\"type\":\"text\",\"text\":\"Hello\"}]"));
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void maxTokensComesFromTheClientOrTheDeploymentDefault() {
        assertThat(translate(ask(user("hi"))).path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(translate(with(List.of(), null, null, null, 300, null, null, null, null, Map.of()))
                .path("max_tokens").asInt()).isEqualTo(300);
        assertThat(translate(with(List.of(), null, null, null, 300, 200, null, null, null, Map.of()))
                .path("max_tokens").asInt()).isEqualTo(200);
        assertThat(refused(with(List.of(), null, null, null, null, 0, null, null, null, Map.of())).param())
                .isEqualTo("max_completion_tokens");
    }

    @Test
    void generationFieldsTranslateAndOpenAiOnlyOnesAreNotSent() {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("user", TextNode.valueOf("user-7"));
        extra.put("top_k", IntNode.valueOf(5));
        extra.put("frequency_penalty", IntNode.valueOf(1));
        extra.put("metadata", json("{\"purpose\":\"eval\"}"));
        JsonNode body = translate(with(List.of(), null, null, 1.7, null, null, 1, List.of("END", "STOP"), false, extra));

        assertThat(body.path("stop_sequences")).isEqualTo(json("[\"END\",\"STOP\"]"));
        assertThat(body.path("temperature").asDouble()).as("capped to Anthropic's range").isEqualTo(1.0);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("metadata")).as("OpenAI's metadata tags are not Anthropic's")
                .isEqualTo(json("{\"user_id\":\"user-7\"}"));
        assertThat(body.path("top_k").asInt()).isEqualTo(5);
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("frequency_penalty")).isFalse();
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("logprobs")).isFalse();
    }

    @Test
    void whatAnthropicCannotDoIsRefusedNamingTheField() {
        assertThat(refused(with(List.of(), null, null, null, null, null, 2, null, null, Map.of())).param()).isEqualTo("n");
        assertThat(refused(with(List.of(), null, null, null, null, null, null, null, true, Map.of())).param())
                .isEqualTo("logprobs");
        assertThat(refused(ask(Message.of(Role.SYSTEM, "only a system prompt"))).param()).isEqualTo("messages");
        assertThat(refused(ask(new Message(Role.FUNCTION, Content.of("x"), "f", List.of(), null, Map.of()))).param())
                .isEqualTo("messages[0].role");
        assertThat(refused(with(List.of(), null, json("{\"type\":\"xml\"}"), null, null, null, null, null, null, Map.of()))
                .param()).isEqualTo("response_format");
    }

    @Test
    void imagesBecomeBase64OrUrlSources() {
        Message picture = new Message(Role.USER, new Content.Parts(List.of(new ContentPart.Text("What is this?"),
                new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", "high"),
                new ContentPart.ImageUrl("https://example.com/cat.jpg", null))), null, List.of(), null, Map.of());

        JsonNode content = translate(ask(picture)).path("messages").get(0).path("content");

        assertThat(content).isEqualTo(json("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                 {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]"""));
    }

    @Test
    void imagesAnthropicCannotReadAreRefusedAtTheirPart() {
        Message bmp = new Message(Role.USER, new Content.Parts(List.of(new ContentPart.Text("x"),
                new ContentPart.ImageUrl("data:image/bmp;base64,Qk0=", null))), null, List.of(), null, Map.of());
        Message ftp = new Message(Role.USER, new Content.Parts(List.of(
                new ContentPart.ImageUrl("ftp://example.com/a.png", null))), null, List.of(), null, Map.of());
        Message audio = new Message(Role.USER, new Content.Parts(List.of(new ContentPart.Other(
                (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"type\":\"input_audio\"}")))), null, List.of(),
                null, Map.of());

        assertThat(refused(ask(bmp)).param()).isEqualTo("messages[0].content[1].image_url.url");
        assertThat(refused(ask(bmp)).getMessage()).contains("image/bmp");
        assertThat(refused(ask(ftp)).param()).isEqualTo("messages[0].content[0].image_url.url");
        assertThat(refused(ask(audio)).param()).isEqualTo("messages[0].content[0]");
    }

    @Test
    void toolCallsBecomeToolUseAndConsecutiveResultsShareOneUserTurn() {
        Message calls = new Message(Role.ASSISTANT, Content.of("Checking."), null, List.of(
                ToolCall.function("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.function("call_b", "get_weather", "")), null, Map.of());
        Message resultA = new Message(Role.TOOL, Content.of("18C"), null, List.of(), "call_a", Map.of());
        Message resultB = new Message(Role.TOOL, Content.of("12C"), null, List.of(), "call_b", Map.of());

        JsonNode messages = translate(ask(user("Weather?"), calls, resultA, resultB, user("Thanks"))).path("messages");

        assertThat(messages).hasSize(4);
        assertThat(messages.get(1).path("content")).isEqualTo(json("""
                [{"type":"text","text":"Checking."},
                 {"type":"tool_use","id":"call_a","name":"get_weather","input":{"city":"Paris"}},
                 {"type":"tool_use","id":"call_b","name":"get_weather","input":{}}]"""));
        assertThat(messages.get(2)).isEqualTo(json("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_a","content":"18C"},
                                          {"type":"tool_result","tool_use_id":"call_b","content":"12C"}]}"""));
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Thanks");
    }

    @Test
    void brokenToolHistoryIsRefusedAtTheField() {
        Message badArgs = new Message(Role.ASSISTANT, null, null,
                List.of(ToolCall.function("call_a", "get_weather", "[1,2]")), null, Map.of());
        Message noId = new Message(Role.TOOL, Content.of("18C"), null, List.of(), null, Map.of());

        assertThat(refused(ask(user("x"), badArgs)).param()).isEqualTo("messages[1].tool_calls[0].function.arguments");
        assertThat(refused(ask(user("x"), noId)).param()).isEqualTo("messages[1].tool_call_id");
    }

    @Test
    void toolsAndEveryToolChoice() {
        JsonNode named = json("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");

        JsonNode body = translate(with(List.of(WEATHER), null, null, null, null, null, null, null, null, Map.of()));
        assertThat(body.path("tools")).isEqualTo(json(
                "[{\"name\":\"get_weather\",\"description\":\"Weather\",\"input_schema\":{\"type\":\"object\"}}]"));
        assertThat(body.has("tool_choice")).as("Anthropic's default is auto").isFalse();
        assertThat(choice(TextNode.valueOf("auto"), Map.of())).isEqualTo(json("{\"type\":\"auto\"}"));
        assertThat(choice(TextNode.valueOf("none"), Map.of())).isEqualTo(json("{\"type\":\"none\"}"));
        assertThat(choice(TextNode.valueOf("required"), Map.of())).isEqualTo(json("{\"type\":\"any\"}"));
        assertThat(choice(named, Map.of())).isEqualTo(json("{\"type\":\"tool\",\"name\":\"get_weather\"}"));
        assertThat(choice(null, Map.of("parallel_tool_calls", BooleanNode.FALSE)))
                .isEqualTo(json("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(choice(TextNode.valueOf("required"), Map.of("parallel_tool_calls", BooleanNode.TRUE)))
                .isEqualTo(json("{\"type\":\"any\"}"));
        assertThat(refused(with(List.of(WEATHER), TextNode.valueOf("sometimes"), null, null, null, null, null, null,
                null, Map.of())).param()).isEqualTo("tool_choice");
        Tool hosted = new Tool("web_search", null, null, null, null, Map.of());
        assertThat(refused(with(List.of(hosted), null, null, null, null, null, null, null, null, Map.of())).param())
                .isEqualTo("tools[0].type");
    }

    private static JsonNode choice(JsonNode toolChoice, Map<String, JsonNode> extra) {
        return translate(with(List.of(WEATHER), toolChoice, null, null, null, null, null, null, null, extra))
                .path("tool_choice");
    }

    @Test
    void jsonModeForcesGearboxsOwnToolWithTheClientsSchema() {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}");
        JsonNode format = json("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":"
                + schema + "}}");

        JsonNode body = translate(with(List.of(), null, format, null, null, null, null, null, null, Map.of()));

        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo(JsonModeTool.NAME);
        assertThat(body.path("tools").get(0).path("input_schema")).isEqualTo(schema);
        assertThat(body.path("tool_choice")).isEqualTo(json("{\"type\":\"tool\",\"name\":\"json_response\"}"));
        assertThat(refused(with(List.of(WEATHER), null, format, null, null, null, null, null, null, Map.of())).param())
                .isEqualTo("response_format");
        JsonNode text = translate(with(List.of(), null, json("{\"type\":\"text\"}"), null, null, null, null, null, null,
                Map.of()));
        assertThat(text.has("tools")).isFalse();
    }

    @Test
    void aStreamedRequestSaysSo() {
        JsonNode body = translate(ask(user("hi")).withStream(true, true));

        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.has("stream_options")).isFalse();
    }
}
