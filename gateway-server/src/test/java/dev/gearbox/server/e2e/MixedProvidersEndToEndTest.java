package dev.gearbox.server.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.gearbox.server.e2e.EndToEnd.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.completions.CompletionUsage;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * One gateway, two upstream APIs: the fast tier on an OpenAI-compatible upstream (the scripted mock),
 * the frontier tier on Anthropic's Messages API (WireMock replaying the recorded Anthropic fixtures,
 * whose matchers check the native request). The official OpenAI SDK talks to both the same way, and
 * an overloaded Anthropic deployment (529) falls back inside its tier like an OpenAI one would.
 */
class MixedProvidersEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The key and model the recorded Anthropic fixtures expect. */
    private static final String ANTHROPIC_KEY = "contract-secret-key-0001";

    private static MockUpstreamServer openAiCompatible;
    private static WireMockServer anthropic;
    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        openAiCompatible = MockUpstreamServer.start();
        anthropic = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)
                .usingFilesUnderClasspath("fixtures/anthropic"));
        anthropic.start();
        for (String scenario : List.of("plain-answer", "stream-with-usage", "tool-call")) {
            anthropic.addStubMapping(recorded(scenario));
        }
        anthropic.stubFor(post("/overloaded/v1/messages").willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        app = GearboxApp.start(config(), GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
        anthropic.stop();
        openAiCompatible.close();
    }

    @BeforeEach
    void forgetRequests() {
        anthropic.resetRequests();
    }

    /** Written as a user would, through the real loader with {@code ${ENV}} interpolation. */
    private static GearboxConfig config() {
        String yaml = """
                deployments:
                  - {name: groq-fast, provider: openai, base_url: "${MOCK_URL}", api_key: sk-groq, model: ok}
                  - name: claude-frontier
                    provider: anthropic
                    base_url: ${ANTHROPIC_URL}
                    api_key: ${ANTHROPIC_API_KEY}
                    model: contract-model
                    anthropic: {version: "2023-06-01", max_tokens: 4096}
                  - {name: claude-overloaded, provider: anthropic, base_url: "${ANTHROPIC_URL}/overloaded",
                     api_key: "${ANTHROPIC_API_KEY}", model: contract-model}
                  - {name: groq-balanced, provider: openai, base_url: "${MOCK_URL}", api_key: sk-groq, model: ok}
                tiers:
                  fast: {deployments: [groq-fast]}
                  balanced: {deployments: [claude-overloaded, groq-balanced]}
                  frontier: {deployments: [claude-frontier]}
                routing: {default_tier: fast}
                """;
        GearboxConfig parsed = ConfigLoader.parse(yaml, Map.of("MOCK_URL", openAiCompatible.baseUrl().toString(),
                "ANTHROPIC_URL", anthropic.baseUrl(), "ANTHROPIC_API_KEY", ANTHROPIC_KEY), "mixed.yaml");
        return new GearboxConfig(EndToEnd.server(1 << 20), parsed.deployments(), parsed.tiers(), parsed.routing());
    }

    private static StubMapping recorded(String scenario) throws IOException {
        String path = "fixtures/anthropic/" + scenario + ".json";
        try (InputStream in = MixedProvidersEndToEndTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return StubMapping.buildFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String text) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(text);
    }

    /** The one request Anthropic received, as JSON; every request must have matched a recorded fixture. */
    private static JsonNode onlyAnthropicRequest() throws IOException {
        assertThat(anthropic.findAllUnmatchedRequests()).as("requests no fixture matched").isEmpty();
        assertThat(anthropic.getAllServeEvents()).hasSize(1);
        return JSON.readTree(anthropic.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    @Test
    void theFastTierAnswersFromTheOpenAiCompatibleUpstream() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ask("auto", "Say hello.").build());

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Hello from the mock upstream.");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("groq-fast");
        assertThat(anthropic.getAllServeEvents()).isEmpty();
    }

    @Test
    void theFrontierTierAnswersFromAnthropicAsAnOpenAiCompletion() throws Exception {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ask("frontier", "Say hello.").build());

        ChatCompletion completion = raw.parse();
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("claude-frontier");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("frontier");
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValue("Hello! How can I help you today?");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(12);
        assertThat(usage.completionTokens()).isEqualTo(9);
        assertThat(usage.totalTokens()).isEqualTo(21);
        JsonNode sent = onlyAnthropicRequest();
        assertThat(sent.path("model").asText()).isEqualTo("contract-model");
        assertThat(anthropic.getAllServeEvents().get(0).getRequest().getHeader("x-api-key")).isEqualTo(ANTHROPIC_KEY);
    }

    @Test
    void anAnthropicStreamWithUsageIsAWellFormedOpenAiStream() throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ask("frontier", "Say hello.")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(StreamShape.text(chunks)).isEqualTo("Hello! How can I help you today?");
        CompletionUsage usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(12);
        assertThat(usage.completionTokens()).isEqualTo(9);
        assertThat(onlyAnthropicRequest().path("stream").asBoolean()).isTrue();
    }

    @Test
    void anOverloadedAnthropicDeploymentFallsBackLikeAnOpenAiOne() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ask("balanced", "Say hello.").build());

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Hello from the mock upstream.");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("groq-balanced");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("2");
        assertThat(anthropic.getAllServeEvents()).hasSize(1);
        assertThat(anthropic.getAllServeEvents().get(0).getResponse().getStatus()).isEqualTo(529);
    }

    @Test
    void anAnthropicToolUseIsAnOpenAiToolCall() throws Exception {
        ChatCompletion completion = client.chat().completions().create(ask("frontier", "What's the weather in Paris?")
                .addTool(WeatherTool.TOOL)
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                .build());

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(c -> c.asFunction()).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).id()).isEqualTo("toolu_01ContractParis");
        assertThat(calls.get(0).function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(calls.get(0).function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        JsonNode sent = onlyAnthropicRequest();
        assertThat(sent.path("tool_choice").path("type").asText()).isEqualTo("any");
        assertThat(sent.path("tools").get(0).path("input_schema").path("required").get(0).asText()).isEqualTo("city");
    }
}
