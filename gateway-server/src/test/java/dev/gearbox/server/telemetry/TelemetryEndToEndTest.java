package dev.gearbox.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DecisionLogConfig;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Price;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.ShadowConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.TelemetryConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.core.telemetry.log.ShadowLine;
import dev.gearbox.server.GearboxApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server on simulated deployments with the decision log (with text) and shadow mode on:
 * requests, a stream and feedback become log lines, shadow answers come after the client's, and
 * {@code /metrics} exposes the per-class meters in valid Prometheus text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path logDir;
    private static GearboxApp app;
    private static HttpClient http;
    private static final List<String> REQUEST_IDS = new ArrayList<>();
    private static String metricsText;

    @BeforeAll
    static void start() throws Exception {
        GearboxConfig config = new GearboxConfig(new ServerConfig("127.0.0.1", 0, 64 * 1024, Duration.ofSeconds(30), false),
                List.of(sim("cheap", new Price(1, 2)), sim("frontier", new Price(10, 30))),
                Map.of(Tier.FAST, new TierConfig(List.of("cheap")), Tier.FRONTIER, new TierConfig(List.of("frontier"))),
                new RoutingConfig(Tier.FAST, true))
                .withTelemetry(new TelemetryConfig(new DecisionLogConfig(true, logDir, true, 1_000_000, 100),
                        new ShadowConfig(1.0, 1), null));
        app = GearboxApp.start(config);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop(Duration.ofSeconds(1));
        }
    }

    private static DeploymentConfig sim(String name, Price price) {
        return new DeploymentConfig(name, ProviderKind.SIMULATOR, null, null, name + "-model", price, null, null,
                new SimulatorSettings(Duration.ofMillis(2), 10_000, 12, 0.0, 3));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-client-secret")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void answersAreLoggedWithCostsAndShadowedToTheBaseline() throws Exception {
        HttpResponse<String> answer = post("/v1/chat/completions",
                "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime\"}]}");
        HttpResponse<String> stream = post("/v1/chat/completions",
                "{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Count to 3\"}]}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).as("the usage Gearbox asked for is not sent to this client")
                .doesNotContain("\"usage\":{");
        REQUEST_IDS.add(answer.headers().firstValue("x-gearbox-request-id").orElseThrow());
        REQUEST_IDS.add(stream.headers().firstValue("x-gearbox-request-id").orElseThrow());

        HttpResponse<String> feedback = post("/v1/feedback",
                "{\"request_id\":\"" + REQUEST_IDS.get(0) + "\",\"label\":\"bad\",\"comment\":\"wrong\"}");
        assertThat(feedback.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void metricsArePublishedInValidPrometheusText() throws Exception {
        awaitShadows();
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        String text = metrics.body();
        metricsText = text;

        PrometheusText parsed = PrometheusText.parse(text);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.type("gearbox_class_requests_total")).isEqualTo("counter");
        assertThat(parsed.type("gearbox_class_cost_usd_total")).isEqualTo("counter");
        assertThat(parsed.type("gearbox_class_baseline_cost_usd_total")).isEqualTo("counter");
        assertThat(parsed.type("gearbox_class_latency_seconds")).isEqualTo("histogram");
        assertThat(parsed.type("gearbox_class_ttft_seconds")).isEqualTo("histogram");
        assertThat(parsed.type("gearbox_class_tokens_total")).isEqualTo("counter");
        assertThat(parsed.type("gearbox_deployment_health")).isEqualTo("gauge");
        assertThat(parsed.type("gearbox_shadow_cost_usd_total")).isEqualTo("counter");
        assertThat(parsed.type("gearbox_netty_eventloop_pending_tasks")).isEqualTo("gauge");
        assertThat(parsed.type("gearbox_decision_log_lines_total")).isEqualTo("counter");
        assertThat(parsed.type("jvm_memory_used_bytes")).isEqualTo("gauge");
        assertThat(parsed.help("gearbox_class_cost_usd_total")).contains("USD");
        assertThat(parsed.value("gearbox_class_requests_total", "class", "unclassified", "deployment", "cheap"))
                .isEqualTo(2.0);
        assertThat(parsed.value("gearbox_deployment_health", "deployment", "frontier")).isEqualTo(1.0);
        assertThat(parsed.value("gearbox_shadow_cost_usd_total", "deployment", "frontier")).isPositive();
        assertThat(parsed.value("gearbox_class_baseline_cost_usd_total", "deployment", "cheap"))
                .isGreaterThan(parsed.value("gearbox_class_cost_usd_total", "deployment", "cheap"));
    }

    @Test
    @Order(3)
    void metricsPassPromtoolCheckMetrics() throws Exception {
        assertThat(metricsText).as("scraped by the previous test").isNotNull();
        PromtoolCheck.assertValid(metricsText);
    }

    @Test
    @Order(4)
    void theLogHoldsADecisionLinePerRequestTheFeedbackAndBothShadowAnswers() throws Exception {
        awaitShadows();
        app.stop(Duration.ofSeconds(1)); // closes the writer: everything queued is on disk
        List<LogLine> lines = readLog();

        List<DecisionLine> decisions = lines.stream().filter(DecisionLine.class::isInstance)
                .map(DecisionLine.class::cast).toList();
        assertThat(decisions).extracting(DecisionLine::requestId).containsExactlyInAnyOrderElementsOf(REQUEST_IDS);
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("ok");
            assertThat(d.tenant()).isNotBlank().doesNotContain("sk-client");
            assertThat(d.deployment()).isEqualTo("cheap");
            assertThat(d.costUsd()).isPositive();
            assertThat(d.baselineUsd()).isGreaterThan(d.costUsd());
            assertThat(d.baselineDeployment()).isEqualTo("frontier");
            assertThat(d.attempts()).singleElement().satisfies(a -> assertThat(a.outputTokens()).isPositive());
            assertThat(d.hasText()).isTrue();
            assertThat(d.answer()).isNotBlank();
        });
        assertThat(decisions).filteredOn(DecisionLine::stream).singleElement()
                .satisfies(d -> assertThat(d.latencyMs().ttft()).isNotNull());
        assertThat(lines).filteredOn(FeedbackLine.class::isInstance).singleElement()
                .isEqualTo(new FeedbackLine(REQUEST_IDS.get(0), ((FeedbackLine) lines.stream()
                        .filter(FeedbackLine.class::isInstance).findFirst().orElseThrow()).time(),
                        decisions.get(0).tenant(), null, "bad", "wrong"));
        assertThat(lines).filteredOn(ShadowLine.class::isInstance).hasSize(2).allSatisfy(l -> {
            ShadowLine s = (ShadowLine) l;
            assertThat(s.shadowDeployment()).isEqualTo("frontier");
            assertThat(s.shadowOutcome()).isEqualTo("ok");
            assertThat(s.clientAnswer()).isNotBlank();
            assertThat(s.shadowAnswer()).isNotBlank();
            assertThat(s.shadowCostUsd()).isPositive();
        });
    }

    private static void awaitShadows() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (app.meters().find("gearbox.shadow.requests").counters().stream().mapToDouble(c -> c.count()).sum() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static List<LogLine> readLog() throws Exception {
        List<LogLine> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readValue(line, LogLine.class));
                }
            }
        }
        return lines;
    }
}
