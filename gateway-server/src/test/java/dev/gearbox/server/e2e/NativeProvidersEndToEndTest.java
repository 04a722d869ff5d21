package dev.gearbox.server.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.gearbox.server.e2e.EndToEnd.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A frontier tier that mixes native providers, Gemini first and Azure OpenAI as its same-tier fallback,
 * configured in YAML and driven through the official SDK: when Gemini is overloaded (503) Azure answers,
 * complete and streamed, and when Gemini answers its native tool calls reach the SDK as OpenAI's.
 */
class NativeProvidersEndToEndTest {
    private static final String GEMINI_KEY = "AIzaSyE2eGeminiKey00000000000000000000";
    private static final String AZURE_KEY = "azure-e2e-key-000111";
    private static final String GEMINI = "/v1beta/models/gemini-2.5-pro:generateContent";
    private static final String GEMINI_STREAM = "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse";
    private static final String AZURE = "/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21";
    private static final String OVERLOADED = """
            {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}""";
    private static final String AZURE_ANSWER = """
            {"id":"chatcmpl-az1","object":"chat.completion","created":1732450000,"model":"gpt-4o-2024-11-20",
             "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}],
             "choices":[{"index":0,"message":{"role":"assistant","content":"Azure here."},"finish_reason":"stop",
               "logprobs":null,"content_filter_results":{}}],
             "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}""";
    private static final String AZURE_STREAM = String.join("\n\n",
            "data: {\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":[]}",
            "data: {\"id\":\"chatcmpl-az2\",\"object\":\"chat.completion.chunk\",\"created\":1732450000,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}",
            "data: {\"id\":\"chatcmpl-az2\",\"object\":\"chat.completion.chunk\",\"created\":1732450000,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Azure streams.\"},\"finish_reason\":null}],\"usage\":null}",
            "data: {\"id\":\"chatcmpl-az2\",\"object\":\"chat.completion.chunk\",\"created\":1732450000,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}",
            "data: {\"id\":\"chatcmpl-az2\",\"object\":\"chat.completion.chunk\",\"created\":1732450000,\"model\":\"gpt-4o\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}",
            "data: [DONE]", "");
    private static final String GEMINI_TOOL_STREAM = String.join("\n\n",
            "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\","
                    + "\"args\":{\"city\":\"Paris\"}}}]},\"index\":0}],\"responseId\":\"g1\",\"modelVersion\":\"gemini-2.5-pro\"}",
            "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\","
                    + "\"args\":{\"city\":\"Rome\"}}}]},\"finishReason\":\"STOP\",\"index\":0}],"
                    + "\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":10,\"totalTokenCount\":30},"
                    + "\"responseId\":\"g1\",\"modelVersion\":\"gemini-2.5-pro\"}", "");

    private static final String GEMINI_BLOCKED = """
            {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT",
              "probability":"HIGH"}]},"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},
             "modelVersion":"gemini-2.5-pro","responseId":"blocked-1"}""";
    private static final String AZURE_FILTERED = """
            {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
              "type":null,"param":"prompt","code":"content_filter","status":400,
              "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{
                "hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":true,"severity":"high"},
                "sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}}}}""";

    private static WireMockServer upstream;
    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        upstream.start();
        app = GearboxApp.start(config(), GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
        upstream.stop();
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    private static GearboxConfig config() {
        String yaml = """
                deployments:
                  - name: gemini-pro
                    provider: gemini
                    base_url: ${MOCK_URL}
                    api_key: ${GEMINI_KEY}
                    model: gemini-2.5-pro
                  - name: azure-4o
                    provider: azure
                    base_url: ${MOCK_URL}
                    api_key: ${AZURE_KEY}
                    model: gpt-4o
                    azure_deployment: prod-4o
                tiers:
                  frontier: {deployments: [gemini-pro, azure-4o]}
                routing: {default_tier: frontier}
                """;
        GearboxConfig parsed = ConfigLoader.parse(yaml, Map.of("MOCK_URL", upstream.baseUrl(), "GEMINI_KEY", GEMINI_KEY,
                "AZURE_KEY", AZURE_KEY), "native-providers.yaml");
        return new GearboxConfig(EndToEnd.server(1 << 20), parsed.deployments(), parsed.tiers(), parsed.routing());
    }

    private static ChatCompletionCreateParams.Builder frontier() {
        return ChatCompletionCreateParams.builder().model("frontier")
                .addSystemMessage("Be brief.").addUserMessage("Say hello.");
    }

    private static void geminiOverloaded(String path) {
        upstream.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(OVERLOADED)));
    }

    @Test
    void anOverloadedGeminiFallsBackToAzureInTheSameTier() {
        geminiOverloaded(GEMINI);
        upstream.stubFor(post(urlEqualTo(AZURE)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(AZURE_ANSWER)));

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(frontier().build());

        ChatCompletion answer = raw.parse();
        assertThat(answer.choices().get(0).message().content()).hasValue("Azure here.");
        assertThat(answer.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(12));
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("frontier");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("azure-4o");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("2");
        upstream.verify(postRequestedFor(urlEqualTo(GEMINI)).withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", equalTo("Be brief."))));
        upstream.verify(postRequestedFor(urlEqualTo(AZURE)).withHeader("api-key", equalTo(AZURE_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
    }

    @Test
    void anOverloadedGeminiStreamFallsBackToAzureBeforeTheFirstByte() {
        geminiOverloaded(GEMINI_STREAM);
        upstream.stubFor(post(urlEqualTo(AZURE)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(AZURE_STREAM)));
        ChatCompletionCreateParams params = frontier()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        List<ChatCompletionChunk> answer = chunks.stream()
                .filter(c -> !c.choices().isEmpty() || c.usage().isPresent()).toList();
        StreamShape.assertWellFormed(answer);
        assertThat(StreamShape.text(answer)).isEqualTo("Azure streams.");
        upstream.verify(1, postRequestedFor(urlEqualTo(GEMINI_STREAM)));
        upstream.verify(1, postRequestedFor(urlEqualTo(AZURE))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    @Test
    void aPromptGeminiBlocksIsAContentFilterAnswerWithARefusal() {
        upstream.stubFor(post(urlEqualTo(GEMINI)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(GEMINI_BLOCKED)));

        ChatCompletion answer = client.chat().completions().create(frontier().build());

        ChatCompletion.Choice choice = answer.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.CONTENT_FILTER);
        assertThat(choice.message().content()).isEmpty();
        assertThat(choice.message().refusal()).hasValue("Gemini blocked the prompt (SAFETY)");
        upstream.verify(0, postRequestedFor(urlEqualTo(AZURE)));
    }

    @Test
    void azuresContentFilterReachesTheClientAsAClearBadRequest() {
        geminiOverloaded(GEMINI);
        upstream.stubFor(post(urlEqualTo(AZURE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(AZURE_FILTERED)));

        BadRequestException e = EndToEnd.thrown(BadRequestException.class,
                () -> client.chat().completions().create(frontier().build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.code()).hasValue("content_filter");
        assertThat(e.getMessage()).contains("Azure OpenAI's content management policy (self_harm (high))")
                .doesNotContain(AZURE_KEY);
    }

    @Test
    void aHealthyGeminiStreamsParallelToolCallsTheSdkAccumulates() {
        upstream.stubFor(post(urlEqualTo(GEMINI_STREAM)).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(GEMINI_TOOL_STREAM)));
        ChatCompletionCreateParams params = frontier().addTool(WeatherTool.TOOL)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageToolCall> calls = completion.choices().get(0).message().toolCalls().orElseThrow();
        assertThat(calls).extracting(c -> c.asFunction().id()).containsExactly("call_0", "call_1");
        assertThat(calls).extracting(c -> c.asFunction().function().arguments())
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(30));
        upstream.verify(0, postRequestedFor(urlEqualTo(AZURE)));
        upstream.verify(postRequestedFor(urlEqualTo(GEMINI_STREAM))
                .withRequestBody(matchingJsonPath("$.tools[0].functionDeclarations[0].name", equalTo("get_weather"))));
    }
}
