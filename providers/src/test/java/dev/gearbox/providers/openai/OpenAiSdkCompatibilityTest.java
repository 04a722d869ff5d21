package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.ChatModel;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import dev.gearbox.providers.sse.SseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the official OpenAI Java SDK sends is read, and what we write is accepted by its strict validation. */
class OpenAiSdkCompatibilityTest {
    private static final ObjectMapper SDK = ObjectMappers.jsonMapper();
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void sdkRequestBodiesAreReadAndRoundTrip() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addSystemMessage("Be brief.")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("Describe").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("https://example.com/a.png")
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW).build())
                                .build())))
                .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                        .name("lookup")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object")).build())
                        .build()).build())
                .temperature(0.3)
                .maxCompletionTokens(64L)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .user("u-1")
                .build();
        byte[] body = SDK.writeValueAsBytes(params._body());

        ChatRequest r = codec.readRequest(body);

        assertThat(r.model()).isEqualTo("gpt-4o-mini");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.tools().get(0).name()).isEqualTo("lookup");
        assertThat(r.temperature()).isEqualTo(0.3);
        assertThat(r.maxCompletionTokens()).isEqualTo(64);
        assertThat(r.extra()).containsKey("user");
        assertThat(Fixtures.tree(codec.writeRequest(r.withStream(false, true), "gpt-4o-mini")).toString())
                .doesNotContain("stream_options");
    }

    @Test
    void writtenResponsesPassTheSdksValidation() throws Exception {
        for (String fixture : List.of("response.json", "response-tool-call.json")) {
            byte[] written = codec.writeResponse(codec.readResponse(Fixtures.bytes(fixture)));
            ChatCompletion parsed = SDK.readValue(written, ChatCompletion.class);
            parsed.validate();
            assertThat(parsed.choices()).hasSize(1);
        }
        ChatResponse built = new ChatResponse("chatcmpl-x", 1L, "gearbox", List.of(new Choice(0,
                new Message(Role.ASSISTANT, null, null, List.of(ToolCall.function("call_1", "f", "{}")), null, Map.of()),
                "tool_calls", null)), Usage.of(1, 1), null, Map.of());

        ChatCompletion parsed = SDK.readValue(codec.writeResponse(built), ChatCompletion.class);
        parsed.validate();

        assertThat(parsed.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction().function().name())
                .isEqualTo("f");
        assertThat(parsed.usage().orElseThrow().totalTokens()).isEqualTo(2);
    }

    @Test
    void writtenChunksPassTheSdksValidation() throws Exception {
        List<String> data = new ArrayList<>();
        SseParser parser = new SseParser(e -> data.add(e.data()));
        parser.feed(Fixtures.bytes("stream-usage.sse"));
        parser.feed(Fixtures.bytes("stream-tool-calls.sse"));
        parser.finish();
        List<ChatChunk> chunks = new ArrayList<>();
        for (String json : data) {
            if (!json.equals("[DONE]")) {
                chunks.add(codec.readChunk(json));
            }
        }
        chunks.add(new ChatChunk("c", 1L, "m", List.of(new ChunkChoice(0, new Delta(null, null,
                List.of(new ToolCallDelta(0, null, null, null, "{}")), Map.of()), null, null)), null, null, Map.of()));

        for (ChatChunk chunk : chunks) {
            for (boolean includeUsage : new boolean[] {false, true}) {
                ChatCompletionChunk parsed = SDK.readValue(codec.writeChunk(chunk, includeUsage),
                        ChatCompletionChunk.class);
                parsed.validate();
            }
        }
        assertThat(chunks).hasSize(12);
    }
}
