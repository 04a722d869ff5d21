package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.models.Model;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in default configuration (simulated deployments, no keys), driven by the official
 * OpenAI Java SDK exactly as a user would: answers, headers, streams with usage, tool calls, models.
 */
class SimulatorEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default simulators answer 80-180 tokens; a limit keeps the suite fast and stays deterministic. */
    private static final long MAX_TOKENS = 24;

    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        GearboxConfig defaults = ConfigLoader.loadDefault();
        GearboxConfig config = new GearboxConfig(EndToEnd.server(defaults.server().maxBodyBytes()),
                defaults.deployments(), defaults.tiers(), defaults.routing());
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
    }

    private static ChatCompletionCreateParams.Builder question() {
        return ChatCompletionCreateParams.builder()
                .model("auto")
                .maxCompletionTokens(MAX_TOKENS)
                .addSystemMessage("Be brief.")
                .addUserMessage("What does a gearbox do?");
    }

    @Test
    void aCompletionAnswersWithUsageAndTheGearboxHeaders() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(question().build());
        ChatCompletion completion = raw.parse();

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c).isNotBlank());
        assertThat(completion.usage()).hasValueSatisfying(u -> {
            assertThat(u.promptTokens()).isPositive();
            assertThat(u.completionTokens()).isPositive();
            assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + u.completionTokens());
        });
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("balanced");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("sim-mixtral-8x22b");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("1");
        assertThat(Double.parseDouble(header(raw.headers(), "x-gearbox-overhead-ms"))).isNotNegative();
        assertThat(header(raw.headers(), "x-gearbox-request-id")).isNotBlank();
    }

    @Test
    void aStreamWithUsageMatchesTheCompletionAndAccumulates() {
        String answer = client.chat().completions().create(question().build())
                .choices().get(0).message().content().orElseThrow();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(question()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(StreamShape.text(chunks)).isEqualTo(answer);
        ChatCompletion accumulated = accumulator.chatCompletion();
        assertThat(accumulated.choices().get(0).message().content()).hasValue(answer);
        assertThat(accumulated.usage()).isPresent();
    }

    @Test
    void toolChoiceRequiredCallsTheTool() throws Exception {
        ChatCompletion completion = client.chat().completions().create(question()
                .addTool(WeatherTool.TOOL)
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                .build());

        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageToolCall> calls = completion.choices().get(0).message().toolCalls().orElseThrow();
        assertThat(calls).hasSize(1);
        var function = calls.get(0).asFunction();
        assertThat(function.id()).isNotBlank();
        assertThat(function.function().name()).isEqualTo("get_weather");
        JsonNode arguments = JSON.readTree(function.function().arguments());
        assertThat(arguments.path("city").isTextual()).isTrue();
    }

    @Test
    void severalChoicesWithLogprobsStreamAsTheyAnswer() {
        ChatCompletionCreateParams.Builder params = question().n(2).logprobs(true).topLogprobs(2);
        ChatCompletion answer = client.chat().completions().create(params.build());
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params.build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion streamed = accumulator.chatCompletion();

        assertThat(answer.choices()).hasSize(2);
        assertThat(streamed.choices()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ChatCompletion.Choice expected = answer.choices().get(i);
            ChatCompletion.Choice actual = streamed.choices().get(i);
            assertThat(actual.index()).isEqualTo(i);
            assertThat(actual.message().content()).isEqualTo(expected.message().content());
            assertThat(actual.finishReason()).isEqualTo(expected.finishReason());
            assertThat(expected.logprobs().flatMap(ChatCompletion.Choice.Logprobs::content).orElseThrow())
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.topLogprobs()).hasSize(2));
            assertThat(actual.logprobs().flatMap(ChatCompletion.Choice.Logprobs::content).orElseThrow())
                    .hasSameSizeAs(expected.logprobs().flatMap(ChatCompletion.Choice.Logprobs::content).orElseThrow());
        }
        assertThat(answer.choices().get(0).message().content()).isNotEqualTo(answer.choices().get(1).message().content());
    }

    /** What the structured-output test asks the simulated model for. */
    record Forecast(String city, long temperature, boolean sunny) {
    }

    @Test
    void structuredOutputsParseIntoTheRequestedClass() {
        StructuredChatCompletion<Forecast> completion = client.chat().completions().create(
                ChatCompletionCreateParams.builder()
                        .model("fast")
                        .addUserMessage("Forecast for Paris as JSON.")
                        .responseFormat(Forecast.class)
                        .build());

        Forecast forecast = completion.choices().get(0).message().content().orElseThrow();
        assertThat(forecast.city()).isNotNull();
    }

    @Test
    void modelsListAutoTheTiersAndTheDeployments() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).containsExactly("auto", "fast", "balanced", "frontier",
                "sim-llama-3.3-70b", "sim-mixtral-8x22b", "sim-claude-sonnet");
    }

    @Test
    void oneModelIsRetrievedByIdAndAnUnknownOneIsNotFound() {
        Model model = client.models().retrieve("sim-claude-sonnet");

        assertThat(model.id()).isEqualTo("sim-claude-sonnet");
        assertThat(model.ownedBy()).isEqualTo("gearbox");
        assertThatThrownBy(() -> client.models().retrieve("gpt-9"))
                .isInstanceOfSatisfying(NotFoundException.class, e ->
                        assertThat(e.code()).contains("model_not_found"))
                .hasMessageContaining("gpt-9");
    }
}
