package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.testing.ScriptedProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole server on a real socket (port 0), with scripted providers, driven by the JDK HTTP client. */
class GearboxAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;
    private static final Map<String, ScriptedProvider> PROVIDERS = new ConcurrentHashMap<>();
    private static ExecutorService upstreamThread;
    private static GearboxApp app;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        upstreamThread = Executors.newSingleThreadExecutor();
        GearboxConfig config = new GearboxConfig(
                new ServerConfig("127.0.0.1", 0, MAX_BODY, Duration.ofSeconds(30), false),
                List.of(deployment("fast-1"), deployment("hang-1")),
                Map.of(Tier.FAST, new TierConfig(List.of("fast-1")), Tier.FRONTIER, new TierConfig(List.of("hang-1"))),
                new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, context -> d -> {
            ScriptedProvider p = new ScriptedProvider(d.name(), d.name().startsWith("hang"), upstreamThread);
            PROVIDERS.put(d.name(), p);
            return p;
        }, Clock.systemUTC());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
        upstreamThread.shutdownNow();
        assertThat(app.state().phase()).isEqualTo(ServerState.Phase.STOPPED);
    }

    private static DeploymentConfig deployment(String name) {
        return new DeploymentConfig(name, ProviderKind.SIMULATOR, null, null, name + "-model", null, null, null,
                SimulatorSettings.DEFAULT);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
    }

    private static HttpRequest chat(String body) {
        return HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-client-key")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void healthAndModels() throws Exception {
        assertThat(send(get("/health/live").build()).statusCode()).isEqualTo(200);
        assertThat(send(get("/health/ready").build()).statusCode()).isEqualTo(200);

        HttpResponse<String> models = send(get("/v1/models").build());
        JsonNode list = JSON.readTree(models.body());
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data").findValuesAsText("id")).containsExactly("auto", "fast", "frontier", "fast-1", "hang-1");
        assertThat(list.at("/data/0/object").asText()).isEqualTo("model");
        assertThat(list.at("/data/0/owned_by").asText()).isEqualTo("gearbox");
        assertThat(list.at("/data/0/created").isIntegralNumber()).isTrue();
    }

    @Test
    void aCompletionGoesThroughTheGateway() throws Exception {
        HttpResponse<String> response = send(chat(
                "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/choices/0/message/content").asText()).isEqualTo("hello from fast-1");
        assertThat(response.headers().firstValue("x-gearbox-tier")).hasValue("fast");
        assertThat(response.headers().firstValue("x-gearbox-deployment")).hasValue("fast-1");
        assertThat(response.headers().firstValue("x-gearbox-attempts")).hasValue("1");
        assertThat(response.headers().firstValue("x-gearbox-overhead-ms").orElseThrow()).matches("\\d+\\.\\d\\d");
        assertThat(response.headers().firstValue("x-gearbox-request-id").orElseThrow()).startsWith("gbx-");
    }

    @Test
    void aStreamArrivesAsServerSentEvents() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(chat(
                "{\"model\":\"fast\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("x-gearbox-deployment")).hasValue("fast-1");
        List<String> events = response.body().filter(line -> !line.isEmpty()).toList();
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e).startsWith("data: "));
        assertThat(events.get(0)).contains("\"object\":\"chat.completion.chunk\"", "\"content\":\"hello\"");
        assertThat(events.get(2)).contains("\"finish_reason\":\"stop\"");
        assertThat(events.get(3)).isEqualTo("data: [DONE]");
    }

    @Test
    void aParamErrorIsAPreciseOpenAiError() throws Exception {
        HttpResponse<String> response = send(chat("{\"model\":\"auto\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("messages");
    }

    @Test
    void anUnknownModelIs404NamingTheParam() throws Exception {
        HttpResponse<String> response = send(chat(
                "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).at("/error/param").asText()).isEqualTo("model");
    }

    @Test
    void aTooLargeBodyIs413() throws Exception {
        String big = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(MAX_BODY) + "\"}]}";

        HttpResponse<String> response = send(chat(big));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("payload_too_large");
    }

    /** Raw socket: the JDK 17 client waits forever when Expect: 100-continue gets a final answer (JDK-8286171). */
    @Test
    void expectContinueWithATooLargeBodyIsAnswered413WithoutSendingIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + (MAX_BODY + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.isEmpty());
            char[] body = new char[200];
            int n = in.read(body);
            assertThat(new String(body, 0, n)).contains("\"code\":\"payload_too_large\"");
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamCancelsTheUpstream() throws Exception {
        String body = "{\"model\":\"frontier\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("data: "));
            assertThat(line).as("the first chunk arrived").contains("\"content\":\"hello\"");
        }

        assertThat(PROVIDERS.get("hang-1").cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        send(chat("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        HttpResponse<String> metrics = send(get("/metrics").build());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains(
                "gearbox_http_requests_total{deployment=\"fast-1\",outcome=\"ok\",route=\"chat_completions\"",
                "gearbox_http_request_duration_seconds_bucket{",
                "gearbox_requests_total{",
                "jvm_memory_used_bytes",
                "process_uptime_seconds");
    }

    @Test
    void aSecondServerOnTheSamePortFailsCleanly() {
        GearboxConfig clash = new GearboxConfig(
                new ServerConfig("127.0.0.1", app.port(), MAX_BODY, Duration.ofSeconds(30), false),
                List.of(deployment("fast-1")), Map.of(Tier.FAST, new TierConfig(List.of("fast-1"))),
                new RoutingConfig(Tier.FAST, false));

        assertThatThrownBy(() -> GearboxApp.start(clash, context -> d -> new ScriptedProvider(d.name(), false,
                upstreamThread), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + app.port());
    }
}
