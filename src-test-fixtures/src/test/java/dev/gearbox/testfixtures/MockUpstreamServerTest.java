package dev.gearbox.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MockUpstreamServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static MockUpstreamServer server;

    @BeforeAll
    static void start() {
        server = MockUpstreamServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static String body(String model, boolean stream, boolean includeUsage) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}]"
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"ok\"},"
                + "{\"role\":\"user\",\"content\":\"echo me please\"}]}";
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer upstream-key")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> call(String model, boolean stream, boolean includeUsage) throws Exception {
        return HTTP.send(post("/v1/chat/completions", body(model, stream, includeUsage)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON payloads of a complete SSE body, and whether it ended with [DONE]. */
    private static List<JsonNode> events(String sse) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                out.add(JSON.readTree(line.substring(6)));
            }
        }
        return out;
    }

    private static String content(List<JsonNode> events) {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(e.path("choices").path(0).path("delta").path("content").asText("")));
        return sb.toString();
    }

    @Test
    void okAnswersWithAJsonCompletionAndRecordsTheRequest() throws Exception {
        HttpResponse<String> r = call("ok", false, false);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("object").asText()).isEqualTo("chat.completion");
        assertThat(json.path("model").asText()).isEqualTo("ok");
        assertThat(json.at("/choices/0/message/content").asText()).isEqualTo("Hello from the mock upstream.");
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(json.at("/usage/completion_tokens").asInt()).isEqualTo(5);

        RecordedRequest recorded = server.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer upstream-key");
        assertThat(recorded.model()).isEqualTo("ok");
        assertThat(recorded.body().path("messages")).hasSize(3);
        assertThat(server.requestCount("ok")).isEqualTo(1);
    }

    @Test
    void unknownModelBehavesLikeOkAndThePathWithoutV1Works() throws Exception {
        HttpResponse<String> r = HTTP.send(post("/chat/completions", body("gpt-4o-mini", false, false)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText()).startsWith("Hello");
        assertThat(server.requestCounts()).containsEntry("gpt-4o-mini", 1L);
    }

    @Test
    void okStreamSendsRoleContentFinishUsageThenDoneWithSendStamps() throws Exception {
        long before = EpochMicros.now();
        HttpResponse<String> r = call("ok", true, true);

        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> events = events(r.body());
        assertThat(events.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(content(events)).isEqualTo("Hello from the mock upstream.");
        assertThat(events.get(events.size() - 2).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = events.get(events.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(5);
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> {
            assertThat(e.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(e.path("x_sent_us").asLong()).isBetween(before, EpochMicros.now());
        });
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
        List<JsonNode> events = events(call("ok", true, false).body());
        assertThat(events).noneMatch(e -> e.has("usage"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 500, 503})
    void errorModelsAnswerWithThatStatusAndAnOpenAiErrorBody(int status) throws Exception {
        HttpResponse<String> r = call("error-" + status, false, false);
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("mock upstream error " + status);
        assertThat(error.path("code").isTextual()).isTrue();
    }

    @Test
    void rateLimitModelSendsRetryAfter() throws Exception {
        HttpResponse<String> r = call("error-429-retry-7", true, false);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("7");
        assertThat(JSON.readTree(r.body()).at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void slowDelaysTheHeaders() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call("slow-150", false, false);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void streamSlowSpacesTheEvents() throws Exception {
        long start = System.nanoTime();
        List<JsonNode> events = events(call("stream-slow-20", true, false).body());
        // role + 5 content + finish = 7 events, 6 gaps of 20 ms (the last event is followed by [DONE])
        assertThat(events).hasSize(7);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        long firstSent = events.get(0).path("x_sent_us").asLong();
        long lastSent = events.get(6).path("x_sent_us").asLong();
        assertThat(lastSent - firstSent).isGreaterThanOrEqualTo(6 * 20_000 - 1_000);
    }

    @Test
    void streamCutSendsThatManyEventsThenClosesWithoutDone() throws Exception {
        // A plain socket client: the JDK client may drop body bytes that arrive together with the
        // close, which made this test flaky; the raw client hands over every complete line first.
        List<String> data = new ArrayList<>();
        assertThatThrownBy(() -> RawSseClient.post(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"),
                body("stream-cut-after-3", true, true), null, line -> {
                    if (line.startsWith("data: ")) {
                        data.add(line);
                    }
                    return true;
                }))
                .as("a cut chunked body is an I/O error for the client")
                .isInstanceOf(IOException.class);
        assertThat(data).hasSize(3).noneMatch(l -> l.contains("[DONE]"));
    }

    @Test
    void garbageIsA200ThatIsNotJson() throws Exception {
        HttpResponse<String> r = call("garbage", false, false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void openConnectionsCountsAConnectionUntilTheClientClosesIt() throws Exception {
        int before = server.openConnections();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            awaitOpenConnections(before + 1);
        }
        awaitOpenConnections(before);
    }

    private static void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }

    @Test
    void hangNeverAnswers() {
        HttpRequest request = post("/v1/chat/completions", body("hang", false, false))
                .timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(server.requestCount("hang")).isEqualTo(1);
    }

    @Test
    void toolCallAnswersWithTheRequestsFirstTool() throws Exception {
        JsonNode json = JSON.readTree(call("tool-call", false, false).body());
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = json.at("/choices/0/message/tool_calls/0");
        assertThat(call.path("id").asText()).startsWith("call_");
        assertThat(call.at("/function/name").asText()).isEqualTo("lookup");
        assertThat(JSON.readTree(call.at("/function/arguments").asText()).path("city").asText()).isEqualTo("Paris");
    }

    @Test
    void toolCallStreamsIndexedArgumentDeltas() throws Exception {
        List<JsonNode> events = events(call("tool-call", true, false).body());
        JsonNode first = events.get(0).at("/choices/0/delta/tool_calls/0");
        assertThat(first.path("index").asInt()).isZero();
        assertThat(first.at("/function/name").asText()).isEqualTo("lookup");
        StringBuilder args = new StringBuilder();
        for (JsonNode e : events) {
            JsonNode call = e.at("/choices/0/delta/tool_calls/0");
            if (!call.isMissingNode()) {
                assertThat(call.path("index").asInt()).isZero();
                args.append(call.at("/function/arguments").asText());
            }
        }
        assertThat(args.toString()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(events.get(events.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void echoRepeatsTheLastUserMessage() throws Exception {
        assertThat(JSON.readTree(call("echo", false, false).body()).at("/choices/0/message/content").asText())
                .isEqualTo("echo me please");
        assertThat(content(events(call("echo", true, false).body()))).isEqualTo("echo me please");
    }

    @Test
    void bigSendsThatManyContentChunks() throws Exception {
        List<JsonNode> events = events(call("big-50", true, false).body());
        long contentChunks = events.stream()
                .filter(e -> !e.at("/choices/0/delta/content").asText("").isEmpty()).count();
        assertThat(contentChunks).isEqualTo(50);
    }

    @Test
    void otherPathsAndNonJsonBodiesGetOpenAiErrors() throws Exception {
        HttpResponse<String> notFound = HTTP.send(post("/v1/embeddings", "{}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        HttpResponse<String> bad = HTTP.send(post("/v1/chat/completions", "not json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/error/message").asText()).contains("not a JSON object");
    }

    @Test
    void recordingIsBounded() throws Exception {
        try (MockUpstreamServer small = MockUpstreamServer.start(new MockUpstreamServer.Options("127.0.0.1", 0, 1, 2))) {
            for (String model : List.of("a", "b", "c")) {
                HTTP.send(HttpRequest.newBuilder(small.baseUrl().resolve("/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(body(model, false, false))).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertThat(small.requests()).extracting(RecordedRequest::model).containsExactly("b", "c");
            assertThat(small.requestCounts()).containsOnlyKeys("a", "b", "c");
        }
    }
}
