package dev.gearbox.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiRequestTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GeminiRequestTranslator translator = new GeminiRequestTranslator(JSON);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ChatRequest request(List<Message> messages, List<Tool> tools, JsonNode toolChoice,
                                       JsonNode responseFormat) {
        return new ChatRequest("auto", messages, false, false, tools, toolChoice, responseFormat, 0.2, 0.9, null, 256,
                2, List.of("END"), 7L, null, null, Map.of("presence_penalty", json("0.5"), "user", json("\"u1\"")));
    }

    private static Message assistantCalling(ToolCall... calls) {
        return new Message(Role.ASSISTANT, null, null, List.of(calls), null, Map.of());
    }

    private static Message toolResult(String id, String text) {
        return new Message(Role.TOOL, Content.of(text), null, List.of(), id, Map.of());
    }

    @Test
    void systemMessagesBecomeTheSystemInstructionAndAssistantIsModel() {
        JsonNode body = translator.translate(ChatRequest.of("auto", List.of(
                Message.of(Role.SYSTEM, "Be brief."), Message.of(Role.USER, "Hi"),
                Message.of(Role.ASSISTANT, "Hello!"), Message.of(Role.DEVELOPER, "Answer in French."),
                Message.of(Role.USER, "How are you?"))));

        assertThat(body.get("systemInstruction")).isEqualTo(json(
                "{\"parts\":[{\"text\":\"Be brief.\"},{\"text\":\"Answer in French.\"}]}"));
        assertThat(body.get("contents")).isEqualTo(json("""
                [{"role":"user","parts":[{"text":"Hi"}]},{"role":"model","parts":[{"text":"Hello!"}]},
                 {"role":"user","parts":[{"text":"How are you?"}]}]"""));
        assertThat(body.has("generationConfig")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void generationParametersMapToGenerationConfigAndUnknownOnesAreNotSent() {
        JsonNode body = translator.translate(request(List.of(Message.of(Role.USER, "Hi")), List.of(), null, null));

        assertThat(body.get("generationConfig")).isEqualTo(json("""
                {"temperature":0.2,"topP":0.9,"maxOutputTokens":256,"stopSequences":["END"],"candidateCount":2,
                 "seed":7,"presencePenalty":0.5}"""));
        assertThat(body.toString()).doesNotContain("u1");
    }

    @Test
    void jsonModeAndJsonSchemaSetTheResponseMimeTypeAndASanitizedSchema() {
        JsonNode jsonMode = translator.translate(request(List.of(Message.of(Role.USER, "Hi")), List.of(), null,
                json("{\"type\":\"json_object\"}")));
        JsonNode schema = translator.translate(request(List.of(Message.of(Role.USER, "Hi")), List.of(), null, json("""
                {"type":"json_schema","json_schema":{"name":"city","strict":true,"schema":{"type":"object",
                 "properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}}""")));

        assertThat(jsonMode.at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
        assertThat(jsonMode.at("/generationConfig").has("responseSchema")).isFalse();
        assertThat(schema.at("/generationConfig/responseSchema")).isEqualTo(json(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}"));
    }

    @Test
    void dataUrlImagesAreInlineDataAndLinksAreRefusedByPath() {
        Message withImage = new Message(Role.USER, new Content.Parts(List.of(new ContentPart.Text("What is this?"),
                new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", "high"))), null, List.of(), null, Map.of());
        Message withLink = new Message(Role.USER, new Content.Parts(List.of(
                new ContentPart.ImageUrl("https://example.com/cat.png", null))), null, List.of(), null, Map.of());

        JsonNode body = translator.translate(ChatRequest.of("auto", List.of(withImage)));
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> translator.translate(ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"), withLink))));

        assertThat(body.at("/contents/0/parts")).isEqualTo(json("""
                [{"text":"What is this?"},{"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}}]"""));
        assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(refused.param()).isEqualTo("messages[1].content[0].image_url.url");
    }

    @Test
    void toolsBecomeFunctionDeclarationsWithSchemasGeminiAccepts() {
        Tool weather = Tool.function("get_weather", "Weather for a city", json("""
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,
                 "properties":{"city":{"type":"string","description":"City"},
                               "unit":{"type":["string","null"],"enum":["c","f"]}},"required":["city"]}"""));
        Tool clock = Tool.function("now", null, json("{\"type\":\"object\",\"properties\":{}}"));

        JsonNode body = translator.translate(new ChatRequest("auto", List.of(Message.of(Role.USER, "hi")), false, false,
                List.of(weather, clock), null, null, null, null, null, null, null, null, null, null, null, Map.of()));

        assertThat(body.get("tools")).isEqualTo(json("""
                [{"functionDeclarations":[
                  {"name":"get_weather","description":"Weather for a city","parameters":{"type":"object",
                   "properties":{"city":{"type":"string","description":"City"},
                                 "unit":{"type":"string","nullable":true,"enum":["c","f"]}},"required":["city"]}},
                  {"name":"now"}]}]"""));
        assertThat(body.has("toolConfig")).isFalse();
    }

    @Test
    void toolChoiceMapsToTheFunctionCallingMode() {
        assertThat(callingConfig(TextNode.valueOf("auto"))).isEqualTo(json("{\"mode\":\"AUTO\"}"));
        assertThat(callingConfig(TextNode.valueOf("none"))).isEqualTo(json("{\"mode\":\"NONE\"}"));
        assertThat(callingConfig(TextNode.valueOf("required"))).isEqualTo(json("{\"mode\":\"ANY\"}"));
        assertThat(callingConfig(json("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}")))
                .isEqualTo(json("{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"f\"]}"));
        GatewayException bad = catchThrowableOfType(GatewayException.class,
                () -> callingConfig(TextNode.valueOf("sometimes")));
        assertThat(bad.param()).isEqualTo("tool_choice");
    }

    private JsonNode callingConfig(JsonNode toolChoice) {
        return translator.translate(new ChatRequest("auto", List.of(Message.of(Role.USER, "hi")), false, false,
                List.of(Tool.function("f", null, null)), toolChoice, null, null, null, null, null, null, null, null,
                null, null, Map.of())).at("/toolConfig/functionCallingConfig");
    }

    @Test
    void parallelToolCallsAndTheirResultsTravelAsFunctionCallAndNamedFunctionResponseParts() {
        JsonNode body = translator.translate(ChatRequest.of("auto", List.of(
                Message.of(Role.USER, "Weather in Paris and Rome?"),
                assistantCalling(ToolCall.function("call_0", "get_weather", "{\"city\":\"Paris\"}"),
                        ToolCall.function("call_1_ts_c2lnbmF0dXJl", "get_weather", "{\"city\":\"Rome\"}")),
                toolResult("call_0", "{\"temp\":21}"), toolResult("call_1_ts_c2lnbmF0dXJl", "sunny"))));

        assertThat(body.get("contents")).isEqualTo(json("""
                [{"role":"user","parts":[{"text":"Weather in Paris and Rome?"}]},
                 {"role":"model","parts":[
                   {"functionCall":{"name":"get_weather","args":{"city":"Paris"}}},
                   {"functionCall":{"name":"get_weather","args":{"city":"Rome"}},"thoughtSignature":"c2lnbmF0dXJl"}]},
                 {"role":"user","parts":[
                   {"functionResponse":{"name":"get_weather","response":{"temp":21}}},
                   {"functionResponse":{"name":"get_weather","response":{"result":"sunny"}}}]}]"""));
    }

    @Test
    void aToolResultForAnUnknownCallIdIsRefusedByPath() {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> translator.translate(ChatRequest.of(
                "auto", List.of(Message.of(Role.USER, "hi"), toolResult("call_9", "42")))));

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.param()).isEqualTo("messages[1].tool_call_id");
        assertThat(e.getMessage()).contains("call_9");
    }

    @Test
    void toolCallArgumentsThatAreNotAJsonObjectAreRefusedByPath() {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> translator.translate(ChatRequest.of(
                "auto", List.of(Message.of(Role.USER, "hi"), assistantCalling(ToolCall.function("c", "f", "[1,2]"))))));

        assertThat(e.param()).isEqualTo("messages[1].tool_calls[0].function.arguments");
    }

    @Test
    void logprobsAskForResponseLogprobsAndTopLogprobsForTheirCount() {
        ChatRequest withLogprobs = new ChatRequest("auto", List.of(Message.of(Role.USER, "hi")), false, false, List.of(),
                null, null, null, null, null, null, null, null, null, true, 3, Map.of());
        ChatRequest topWithoutLogprobs = new ChatRequest("auto", List.of(Message.of(Role.USER, "hi")), false, false,
                List.of(), null, null, null, null, null, null, null, null, null, null, 3, Map.of());

        assertThat(translator.translate(withLogprobs).get("generationConfig"))
                .isEqualTo(json("{\"responseLogprobs\":true,\"logprobs\":3}"));
        assertThat(translator.translate(topWithoutLogprobs).has("generationConfig")).isFalse();
    }

    @Test
    void aConversationOfOnlySystemMessagesIsRefused() {
        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> translator.translate(ChatRequest.of("auto", List.of(Message.of(Role.SYSTEM, "Be brief.")))));

        assertThat(e.param()).isEqualTo("messages");
    }
}
