package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static dev.gearbox.server.e2e.EndToEnd.mock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ReasoningEffort;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import dev.gearbox.testfixtures.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official SDK through Gearbox to the scripted mock upstream: what reaches the upstream
 * (fields forwarded untouched, the deployment's key and model), streams, and tool calls.
 */
class MockUpstreamEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the mock's {@code ok} behaviour answers. */
    private static final String MOCK_OK_TEXT = "Hello from the mock upstream.";

    private static MockUpstreamServer upstream;
    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        GearboxConfig config = new GearboxConfig(EndToEnd.server(1 << 20),
                List.of(withHeaders(mock(upstream, "mock-ok", "ok"), Map.of("OpenAI-Organization", "org-e2e")),
                        mock(upstream, "mock-tools", "tool-call"),
                        mock(upstream, "mock-big", "big-2000"), mock(upstream, "mock-echo", "echo")),
                Map.of(Tier.FAST, new TierConfig(List.of("mock-ok"))),
                new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    private static DeploymentConfig withHeaders(DeploymentConfig d, Map<String, String> headers) {
        return new DeploymentConfig(d.name(), d.provider(), d.baseUrl(), d.apiKey(), d.model(), d.price(), d.timeouts(),
                headers, d.simulator());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    private static ChatCompletionCreateParams.Builder ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("What is the weather in Paris?");
    }

    private static RecordedRequest onlyRequest() {
        List<RecordedRequest> requests = upstream.requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void everyFieldReachesTheUpstreamUntouchedExceptTheModel() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("auto")
                .addDeveloperMessage("Answer in JSON.")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("Describe").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("https://example.com/gear.png")
                                        .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW).build())
                                .build())))
                .addTool(WeatherTool.TOOL)
                .toolChoice(ChatCompletionToolChoiceOption.Auto.AUTO)
                .parallelToolCalls(false)
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name("description")
                                .strict(true)
                                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                        .putAdditionalProperty("type", JsonValue.from("object"))
                                        .putAdditionalProperty("properties",
                                                JsonValue.from(Map.of("text", Map.of("type", "string"))))
                                        .build())
                                .build())
                        .build())
                .n(2)
                .logprobs(true)
                .topLogprobs(3)
                .seed(1234)
                .temperature(0.3)
                .topP(0.9)
                .frequencyPenalty(0.5)
                .presencePenalty(-0.5)
                .maxCompletionTokens(64)
                .stopOfStrings(List.of("END", "STOP"))
                .logitBias(ChatCompletionCreateParams.LogitBias.builder()
                        .putAdditionalProperty("50256", JsonValue.from(-100)).build())
                .reasoningEffort(ReasoningEffort.LOW)
                .metadata(ChatCompletionCreateParams.Metadata.builder().putAdditionalProperty("team", JsonValue.from("routing")).build())
                .store(false)
                .user("user-42")
                .putAdditionalBodyProperty("x_custom", JsonValue.from(Map.of("trace", List.of(1, "two", true))))
                .build();

        client.chat().completions().create(params);

        // Round-trip through text so number node types match what the mock parsed.
        ObjectNode sent = (ObjectNode) JSON.readTree(ObjectMappers.jsonMapper().writeValueAsString(params._body()));
        ObjectNode received = onlyRequest().body().deepCopy();
        assertThat(received.remove("model").asText()).isEqualTo("ok");
        sent.remove("model");
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void aToolResultConversationIsForwardedUntouched() throws Exception {
        ChatCompletionCreateParams params = ask("mock-ok")
                .addTool(WeatherTool.TOOL)
                .addMessage(ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                                .id("call_1")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("get_weather").arguments("{\"city\":\"Paris\"}").build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_1").content("18C, sunny").build())
                .build();

        client.chat().completions().create(params);

        JsonNode sent = JSON.readTree(ObjectMappers.jsonMapper().writeValueAsString(params._body()));
        assertThat(onlyRequest().body().get("messages")).isEqualTo(sent.get("messages"));
    }

    @Test
    void theUpstreamSeesTheDeploymentsKeyAndNeverTheClients() {
        client.chat().completions().create(ask("auto").build());

        RecordedRequest received = onlyRequest();
        assertThat(received.header("authorization")).isEqualTo("Bearer " + EndToEnd.keyOf("mock-ok"));
        assertThat(received.headers().values()).noneMatch(v -> v.contains(EndToEnd.CLIENT_KEY));
        assertThat(received.header("openai-organization")).as("the deployment's configured headers").isEqualTo("org-e2e");
    }

    @Test
    void aStreamWithUsageThroughTheMockIsWellFormed() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(ask("auto")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());
        try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
            stream.stream().forEach(chunks::add);
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("mock-ok");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("fast");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("1");
        assertThat(header(raw.headers(), "x-gearbox-request-id")).isNotBlank();
        assertThat(StreamShape.text(chunks)).isEqualTo(MOCK_OK_TEXT);
        assertThat(onlyRequest().body().path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aLongStreamArrivesWholeAndInOrder() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("mock-big")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        StreamShape.assertWellFormed(chunks);
        StringBuilder expected = new StringBuilder("word0");
        for (int i = 1; i < 2000; i++) {
            expected.append(" word").append(i);
        }
        assertThat(StreamShape.text(chunks)).isEqualTo(expected.toString());
    }

    @Test
    void concurrentStreamsEachGetTheirOwnAnswer() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String question = "question " + i;
                answers.add(pool.submit(() -> {
                    List<ChatCompletionChunk> chunks = new ArrayList<>();
                    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                            .createStreaming(ChatCompletionCreateParams.builder().model("mock-echo")
                                    .addUserMessage(question).build())) {
                        stream.stream().forEach(chunks::add);
                    }
                    return StreamShape.text(chunks);
                }));
            }
            for (int i = 0; i < clients; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("question " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstream.requestCount("echo")).isEqualTo(clients);
    }

    @Test
    void textBeyondAsciiSurvivesBothWays() {
        String text = "Grüße, 世界! 👋🏽 — ½ ∑";
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("mock-echo").addUserMessage(text)
                .build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        assertThat(client.chat().completions().create(params).choices().get(0).message().content()).hasValue(text);
        assertThat(StreamShape.text(chunks)).isEqualTo(text);
    }

    @Test
    void aStreamWithoutIncludeUsageHasNoUsageChunk() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("auto").build())) {
            stream.stream().forEach(chunks::add);
        }

        assertThat(chunks).isNotEmpty().allSatisfy(c -> {
            assertThat(c.choices()).isNotEmpty();
            assertThat(c.usage()).isEmpty();
        });
        assertThat(StreamShape.text(chunks)).isEqualTo(MOCK_OK_TEXT);
    }

    @Test
    void aStreamedToolCallAccumulatesToOneCompleteCall() throws Exception {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("mock-tools")
                .addTool(WeatherTool.TOOL)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(chunks.stream().filter(c -> !c.choices().isEmpty())
                .flatMap(c -> c.choices().get(0).delta().toolCalls().stream().flatMap(List::stream)))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.index()).isZero());
        ChatCompletion.Choice choice = accumulator.chatCompletion().choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertWeatherInParis(choice);
    }

    @Test
    void aToolCallWithoutStreaming() throws Exception {
        ChatCompletion completion = client.chat().completions().create(ask("mock-tools").addTool(WeatherTool.TOOL).build());

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertWeatherInParis(choice);
        assertThat(onlyRequest().model()).isEqualTo("tool-call");
    }

    private static void assertWeatherInParis(ChatCompletion.Choice choice) throws Exception {
        var calls = choice.message().toolCalls().orElseThrow();
        assertThat(calls).hasSize(1);
        ChatCompletionMessageFunctionToolCall call = calls.get(0).asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
    }
}
