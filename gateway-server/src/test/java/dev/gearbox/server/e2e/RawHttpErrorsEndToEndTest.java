package dev.gearbox.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the official SDK cannot produce (broken JSON, wrong types, oversized bodies, other
 * methods and paths), sent over plain HTTP: each is an OpenAI error with the right status and
 * exactly the fields {@code message, type, param, code}.
 */
class RawHttpErrorsEndToEndTest {
    private static final int MAX_BODY_BYTES = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JDK client sends no {@code Expect: 100-continue} unless asked, so the body always goes out. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static GearboxApp app;

    @BeforeAll
    static void start() throws Exception {
        DeploymentConfig simulator = new DeploymentConfig("sim", ProviderKind.SIMULATOR, null, null, "sim-model", null,
                null, null, new SimulatorSettings(Duration.ZERO, 10_000, 4, 0.0, 1L));
        GearboxConfig config = new GearboxConfig(EndToEnd.server(MAX_BODY_BYTES), List.of(simulator),
                Map.of(Tier.FAST, new TierConfig(List.of("sim"))), new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("authorization", "Bearer " + EndToEnd.CLIENT_KEY)
                .timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(request("/v1/chat/completions").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts the body is exactly an OpenAI error and returns its {@code error} object. */
    private static JsonNode openAiError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("x-gearbox-request-id")).as("every answer can be traced").isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.properties()).hasSize(1);
        JsonNode error = body.get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("message", "type", "param", "code");
        assertThat(error.get("message").isTextual()).isTrue();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").isTextual()).isTrue();
        assertThat(error.get("param").isTextual() || error.get("param").isNull()).isTrue();
        assertThat(error.get("code").isTextual() || error.get("code").isNull()).isTrue();
        return error;
    }

    @Test
    void malformedJsonIsAnInvalidRequest() throws Exception {
        JsonNode error = openAiError(post("{\"model\":\"auto\",\"messages\":[{\"role\":"), 400);

        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing messages      | {\"model\":\"auto\"}                                                      | messages",
            "messages not an array | {\"model\":\"auto\",\"messages\":\"hi\"}                                    | messages",
            "missing model         | {\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}                   | model",
            "model not a string    | {\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}      | model",
    })
    void aMissingOrWrongTypedFieldIsNamedInParam(String why, String body, String param) throws Exception {
        JsonNode error = openAiError(post(body), 400);

        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo(param);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(MAX_BODY_BYTES)
                + "\"}]}";

        JsonNode error = openAiError(post(big), 413);

        assertThat(error.get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aBodyJustUnderTheLimitIsServed() throws Exception {
        String shell = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}";
        String fits = shell.replace("\"\"}", "\"" + "x".repeat(MAX_BODY_BYTES - shell.length()) + "\"}");

        assertThat(fits).hasSize(MAX_BODY_BYTES);
        assertThat(post(fits).statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIs413() throws Exception {
        byte[] big = ("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(4 * MAX_BODY_BYTES) + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest chunked = request("/v1/chat/completions").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();

        JsonNode error = openAiError(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()), 413);

        assertThat(error.get("code").asText()).isEqualTo("payload_too_large");
    }

    /** Sends only the head with {@code Expect: 100-continue} and returns the first line of the interim answer. */
    private static String expectContinue(java.net.Socket socket, int contentLength) throws Exception {
        socket.setSoTimeout(3_000);
        socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        byte[] buffer = new byte[8192];
        int n = socket.getInputStream().read(buffer);
        assertThat(n).isPositive();
        return new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            String answer = expectContinue(socket, MAX_BODY_BYTES + 1);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("payload_too_large");
        }
    }

    @Test
    void anAnnouncedBodyWithinTheLimitIsInvitedWith100Continue() throws Exception {
        byte[] body = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            assertThat(expectContinue(socket, body.length)).startsWith("HTTP/1.1 100");

            socket.getOutputStream().write(body);
            byte[] buffer = new byte[8192];
            int n = socket.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs415() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/v1/chat/completions").header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());

        openAiError(response, 415);
    }

    @Test
    void anUnknownModelOnAStreamIsAJsonErrorNotAStream() throws Exception {
        JsonNode error = openAiError(post("{\"model\":\"nope\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 404);

        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("param").asText()).isEqualTo("model");
    }

    @Test
    void theWrongMethodIs405() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/v1/chat/completions").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode error = openAiError(response, 405);
        assertThat(error.get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(response.headers().firstValue("allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/v1/no/such/thing").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode error = openAiError(response, 404);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }
}
