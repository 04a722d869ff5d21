package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GateConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The answer_model gate is built from the classifier only when a cascade uses it, and runs in a live gateway. */
class AnswerModelSetupTest {
    private static final String BASE = """
            deployments:
              - {name: cheap, provider: simulator, model: a, simulator: {time_to_first_token: 0ms, answer_tokens: 20}}
              - {name: big, provider: simulator, model: b, simulator: {time_to_first_token: 0ms, answer_tokens: 20}}
            tiers: {fast: {deployments: [cheap]}, frontier: {deployments: [big]}}
            routing: {default_tier: fast}
            """;

    private static GearboxConfig config(String cascade) {
        GearboxConfig parsed = ConfigLoader.parse(BASE + cascade, Map.of(), "t.yaml");
        return new GearboxConfig(new ServerConfig("127.0.0.1", 0, 1 << 20, Duration.ofSeconds(30), false),
                parsed.deployments(), parsed.tiers(), parsed.routing()).withCascade(parsed.cascade());
    }

    @Test
    void withoutTheGateNothingIsLoaded() {
        Deque<AutoCloseable> resources = new ArrayDeque<>();

        assertThat(AnswerModelSetup.create(config("cascade: {gates: [{type: empty}]}\n"), resources,
                new ClassifierServices(resources))).isNull();
        assertThat(AnswerModelSetup.create(config(""), resources, new ClassifierServices(resources))).isNull();
        assertThat(resources).isEmpty();
    }

    @Test
    void theGateScoresAnAnswerOffTheCallersThread() throws Exception {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        Function<GateConfig.AnswerModel, QualityGate> builder =
                AnswerModelSetup.create(config("cascade: {gates: [{type: answer_model, threshold: 0.5}]}\n"), resources,
                        new ClassifierServices(resources));
        try {
            QualityGate gate = builder.apply(new GateConfig.AnswerModel(0.5));
            ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.USER,
                    "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May."
                            + " How many clips did Natalia sell altogether in April and May?")));
            ChatResponse answer = new ChatResponse("r", 1, "m", List.of(new Choice(0, Message.of(Role.ASSISTANT,
                    "In May she sold 48 / 2 = 24 clips. Altogether 48 + 24 = 72 clips.\n#### 72"), "stop", null)),
                    null, null, Map.of());

            GateVerdict verdict = gate.check(request, answer).get();

            assertThat(gate.name()).isEqualTo("answer_model");
            assertThat(verdict).isNotInstanceOf(GateVerdict.Abstain.class);
            assertThat(resources).hasSize(1);
        } finally {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }

    @Test
    void aGatewayWithTheGateReportsItsVerdict() throws Exception {
        try (GearboxApp app = GearboxApp.start(config("cascade: {gates: [{type: empty}, {type: answer_model}]}\n"),
                GearboxProviders::factory, Clock.systemUTC())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain tides.\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gearbox-escalated")).isPresent();
            assertThat(response.headers().firstValue("x-gearbox-gate")).hasValueSatisfying(
                    g -> assertThat(g).startsWith("answer_model:"));
        }
    }
}
