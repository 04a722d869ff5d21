package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.runtime.CalibrationScores;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.core.routing.policy.ThresholdPolicy;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gearbox serve} without a config: the built-in simulated deployments answer real HTTP calls,
 * and {@code auto} is routed by the bundled classifier with the default rules.
 */
class DefaultConfigDemoTest {
    private static GearboxApp app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        GearboxConfig defaults = ConfigLoader.loadDefault();
        ServerConfig s = defaults.server();
        GearboxConfig onFreePort = new GearboxConfig(
                new ServerConfig("127.0.0.1", 0, s.maxBodyBytes(), s.idleTimeout(), s.logPrompts()),
                defaults.deployments(), defaults.tiers(), defaults.routing(), defaults.router());
        app = GearboxApp.start(onFreePort);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
    }

    private static HttpResponse<String> chat(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFastTierAnswers() throws Exception {
        HttpResponse<String> response = chat("{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText()).isNotBlank();
        assertThat(body.at("/usage/total_tokens").asInt()).isPositive();
        assertThat(response.headers().firstValue("x-gearbox-tier")).hasValue("fast");
        assertThat(response.headers().firstValue("x-gearbox-deployment")).hasValue("sim-llama-3.3-70b");
    }

    @Test
    void aStreamEndsWithDone() throws Exception {
        HttpResponse<String> response = chat(
                "{\"model\":\"fast\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = response.body().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(events.size()).isGreaterThan(2);
        assertThat(events).allSatisfy(e -> assertThat(e).startsWith("data: "));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
    }

    @Test
    void modelsListAutoTheTiersAndTheSimulatedDeployments() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode data = new ObjectMapper().readTree(response.body()).get("data");
        assertThat(data.findValuesAsText("id")).containsExactly("auto", "fast", "balanced", "frontier",
                "sim-llama-3.3-70b", "sim-mixtral-8x22b", "sim-claude-sonnet");
    }

    @Test
    void autoGoesToTheClassifiersTierAndSaysWhy() throws Exception {
        ThresholdPolicy policy = defaultPolicy();
        for (String prompt : List.of("hi there, how are you today?",
                "Prove that there are infinitely many primes p such that p + 2 is also prime, or explain why this is open.")) {
            HttpResponse<String> response = chat("{\"model\":\"auto\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":"
                    + new ObjectMapper().writeValueAsString(prompt) + "}]}");

            assertThat(response.statusCode()).isEqualTo(200);
            double score = Double.parseDouble(response.headers().firstValue("x-gearbox-score").orElseThrow());
            assertThat(score).isBetween(0.0, 1.0);
            assertThat(response.headers().firstValue("x-gearbox-class")).isPresent();
            String tier = response.headers().firstValue("x-gearbox-tier").orElseThrow();
            if (response.headers().firstValue("x-gearbox-rule").isEmpty()) {
                // The score header is rounded to 3 decimals; away from a threshold it decides the tier.
                if (Math.abs(score - policy.balancedAbove()) > 0.001 && Math.abs(score - policy.frontierAbove()) > 0.001) {
                    assertThat(tier).as(prompt).isEqualTo(policy.tier(score).wire());
                }
            } else {
                assertThat(response.headers().firstValue("x-gearbox-rule")).hasValue("low-confidence");
                assertThat(tier).isEqualTo("balanced");
            }
        }
    }

    @Test
    void aRegulatedKeywordForcesFrontierWithoutTheClassifier() throws Exception {
        HttpResponse<String> response = chat(
                "{\"model\":\"auto\",\"max_tokens\":3,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Should I settle the lawsuit?\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gearbox-tier")).hasValue("frontier");
        assertThat(response.headers().firstValue("x-gearbox-rule")).hasValue("regulated");
        assertThat(response.headers().firstValue("x-gearbox-score")).isEmpty();
    }

    @Test
    void theMaxTierHeaderCapsTheDecision() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .header("x-gearbox-max-tier", "fast")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"auto\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"My lawsuit: what now?\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gearbox-tier")).hasValue("fast");
        assertThat(response.headers().firstValue("x-gearbox-rule")).hasValue("header");
    }

    @Test
    void aBadTierHeaderIsA400NamingIt() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .header("x-gearbox-tier", "gold")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"auto\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).at("/error/param").asText()).isEqualTo("x-gearbox-tier");
    }

    private static ThresholdPolicy defaultPolicy() throws Exception {
        try (InputStream in = CalibrationScores.class.getResourceAsStream(CalibrationScores.BUNDLED)) {
            return ThresholdPolicy.of(ConfigLoader.loadDefault().router().thresholds(),
                    CalibrationScores.read(in).distribution());
        }
    }
}
