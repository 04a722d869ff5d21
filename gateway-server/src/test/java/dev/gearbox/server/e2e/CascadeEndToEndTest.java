package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import dev.gearbox.testfixtures.RecordedRequest;
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
 * The cascade through the official SDK: the fast deployment answers JSON mode with prose around a
 * broken object, the json gate rejects it, and balanced (told why, and shown the draft) answers
 * valid JSON; plain requests keep the cheap answer; a cascaded stream is gated, then replayed.
 */
class CascadeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_JSON = "{\"answer\": \"Hello from the mock upstream.\"}";

    private static MockUpstreamServer upstream;
    private static GearboxApp app;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        app = GearboxApp.start(config(), GearboxProviders::factory, Clock.systemUTC());
        client = EndToEnd.client(app);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    @BeforeEach
    void clearRecordedRequests() {
        upstream.reset();
    }

    private static GearboxConfig config() {
        String yaml = """
                deployments:
                  - {name: cheap, provider: openai, base_url: "${MOCK_URL}", api_key: sk-cheap, model: almost-json}
                  - {name: mid, provider: openai, base_url: "${MOCK_URL}", api_key: sk-mid, model: json}
                  - {name: big, provider: openai, base_url: "${MOCK_URL}", api_key: sk-big, model: json}
                tiers:
                  fast: {deployments: [cheap]}
                  balanced: {deployments: [mid]}
                  frontier: {deployments: [big]}
                routing: {default_tier: fast}
                cascade:
                  start_tier: fast
                  ceiling_tier: frontier
                  max_escalations: 2
                  hint: answer_and_reason
                  streams: buffer
                  gates: [{type: empty}, {type: refusal}, {type: json}, {type: json_schema}]
                """;
        GearboxConfig parsed = ConfigLoader.parse(yaml, Map.of("MOCK_URL", upstream.baseUrl().toString()), "cascade.yaml");
        return new GearboxConfig(EndToEnd.server(1 << 20), parsed.deployments(), parsed.tiers(), parsed.routing())
                .withCascade(parsed.cascade());
    }

    private static ChatCompletionCreateParams.Builder jsonMode() {
        return ChatCompletionCreateParams.builder().model("auto").addUserMessage("Greet me, as a JSON object.")
                .responseFormat(ResponseFormatJsonObject.builder().build());
    }

    private static RecordedRequest requestTo(String model) {
        return upstream.requests().stream().filter(r -> model.equals(r.model())).findFirst()
                .orElseThrow(() -> new AssertionError("no request for " + model));
    }

    @Test
    void anInvalidCheapJsonAnswerIsEscalatedWithAHint() throws Exception {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(jsonMode().build());

        String content = raw.parse().choices().get(0).message().content().orElseThrow();
        assertThat(JSON.readTree(content)).isEqualTo(JSON.readTree(VALID_JSON));
        assertThat(header(raw.headers(), "x-gearbox-escalated")).isEqualTo("true");
        assertThat(header(raw.headers(), "x-gearbox-gate")).isEqualTo("json:invalid_json");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("balanced");
        assertThat(header(raw.headers(), "x-gearbox-deployment")).isEqualTo("mid");
        assertThat(header(raw.headers(), "x-gearbox-attempts")).isEqualTo("2");
        JsonNode escalated = requestTo("json").body();
        JsonNode hint = escalated.path("messages").get(escalated.path("messages").size() - 1);
        assertThat(hint.path("role").asText()).isEqualTo("user");
        assertThat(hint.path("content").asText()).contains("json: not valid JSON")
                .contains("Sure! Here is the JSON: {\"answer\": \"Hello");
        assertThat(escalated.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(upstream.requestCount("json")).as("frontier is never asked").isEqualTo(1);
    }

    @Test
    void aPlainRequestKeepsTheCheapAnswer() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ChatCompletionCreateParams.builder().model("auto").addUserMessage("Say hello").build());

        assertThat(raw.parse().choices().get(0).message().content()).hasValue("Sure! Here is the JSON: {\"answer\": \"Hello");
        assertThat(header(raw.headers(), "x-gearbox-escalated")).isEqualTo("false");
        assertThat(header(raw.headers(), "x-gearbox-gate")).isEqualTo("refusal:accepted");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("fast");
    }

    @Test
    void aNamedTierIsRoutedWithoutACascade() {
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(jsonMode().model("fast").build());

        assertThat(raw.parse().choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c).startsWith("Sure!"));
        assertThat(header(raw.headers(), "x-gearbox-escalated")).isNull();
        assertThat(upstream.requestCount("json")).isZero();
    }

    @Test
    void aCascadedStreamIsGatedThenStreamedWithUsage() throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(jsonMode()
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());
        try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
            stream.stream().forEach(chunks::add);
        }

        StreamShape.assertWellFormed(chunks);
        assertThat(JSON.readTree(StreamShape.text(chunks))).isEqualTo(JSON.readTree(VALID_JSON));
        assertThat(header(raw.headers(), "x-gearbox-escalated")).isEqualTo("true");
        assertThat(header(raw.headers(), "x-gearbox-gate")).isEqualTo("json:invalid_json");
        assertThat(header(raw.headers(), "x-gearbox-tier")).isEqualTo("balanced");
        assertThat(requestTo("almost-json").body().path("stream").asBoolean())
                .as("the cheap answer is fetched whole, to be gated").isFalse();
    }
}
