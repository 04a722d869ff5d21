package dev.gearbox.providers.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class SimulatorProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration TTFT = Duration.ofMillis(200);

    private final ManualScheduler scheduler = new ManualScheduler();

    private SimulatorProvider provider(int answerTokens, double failureRate, long seed) {
        var settings = new SimulatorSettings(TTFT, 100, answerTokens, failureRate, seed);
        var deployment = new DeploymentConfig("sim-fast", ProviderKind.SIMULATOR, null, null, "sim-small",
                null, null, Map.of(), settings);
        return new SimulatorProvider(deployment, scheduler, CLOCK);
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.SYSTEM, "Be brief."), Message.of(Role.USER, text)));
    }

    private static ChatRequest with(ChatRequest r, Integer maxTokens, Integer n, JsonNode responseFormat,
                                    List<Tool> tools, JsonNode toolChoice, Boolean logprobs, Integer topLogprobs) {
        return new ChatRequest(r.model(), r.messages(), r.stream(), r.includeUsage(), tools, toolChoice,
                responseFormat, null, null, maxTokens, null, n, null, null, logprobs, topLogprobs, Map.of());
    }

    private ChatResponse completeNow(SimulatorProvider p, ChatRequest request) throws Exception {
        CompletableFuture<ChatResponse> f = p.complete(request);
        scheduler.advance(Duration.ofSeconds(60));
        return f.get();
    }

    @Test
    void sameSeedAndRequestGiveTheSameTextAndItNamesTheModel() throws Exception {
        String first = completeNow(provider(30, 0, 7), ask("What is a gateway?")).firstText();
        String again = completeNow(provider(30, 0, 7), ask("What is a gateway?")).firstText();
        String otherQuestion = completeNow(provider(30, 0, 7), ask("How do I cook rice?")).firstText();

        assertThat(first).isEqualTo(again).isNotEqualTo(otherQuestion);
        assertThat(first).startsWith("This is a simulated answer from sim-small.").endsWith(".");
        assertThat(first.split(" ")).hasSize(30);
    }

    @Test
    void usageCountsPromptWithTheApproximateTokenizerAndCompletionAsGeneratedTokens() throws Exception {
        ChatResponse r = completeNow(provider(25, 0, 1), ask("12345678"));

        // system "Be brief." = 9 chars -> 3 tokens, user 8 chars -> 2 tokens, 4 per message, 3 priming
        assertThat(r.usage().promptTokens()).isEqualTo(3 + 4 + 2 + 4 + 3);
        assertThat(r.usage().completionTokens()).isEqualTo(25);
        assertThat(r.usage().totalTokens()).isEqualTo(r.usage().promptTokens() + 25);
        assertThat(r.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(r.id()).startsWith("chatcmpl-sim-");
        assertThat(r.model()).isEqualTo("sim-small");
        assertThat(r.created()).isEqualTo(CLOCK.instant().getEpochSecond());
    }

    @Test
    void outputTokenLimitCutsTheAnswerWithFinishReasonLength() throws Exception {
        ChatResponse r = completeNow(provider(40, 0, 1), with(ask("hi"), 5, null, null, List.of(), null, null, null));

        assertThat(r.usage().completionTokens()).isEqualTo(5);
        assertThat(r.firstText().split(" ")).hasSize(5);
        assertThat(r.choices().get(0).finishReason()).isEqualTo("length");
    }

    @Test
    void stopSequenceEndsTheAnswerWithFinishReasonStop() throws Exception {
        ChatRequest r = ask("hi");
        ChatRequest withStop = new ChatRequest(r.model(), r.messages(), false, false, List.of(), null, null, null,
                null, null, null, null, List.of(" answer"), null, null, null, Map.of());
        ChatResponse response = completeNow(provider(40, 0, 1), withStop);

        assertThat(response.firstText()).isEqualTo("This is a simulated");
        assertThat(response.usage().completionTokens()).isEqualTo(4);
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
    }

    @Test
    void nonStreamCompletesAfterTimeToFirstTokenPlusGenerationTime() {
        CompletableFuture<ChatResponse> f = provider(50, 0, 1).complete(ask("hi"));

        scheduler.advance(Duration.ofMillis(699));
        assertThat(f).isNotDone();
        scheduler.advance(Duration.ofMillis(1)); // 200 ms + 50 tokens / 100 tps
        assertThat(f).isCompleted();
    }

    @Test
    void nGivesThatManyDistinctChoices() throws Exception {
        ChatResponse r = completeNow(provider(20, 0, 1), with(ask("hi"), null, 3, null, List.of(), null, null, null));

        assertThat(r.choices()).extracting(c -> c.index()).containsExactly(0, 1, 2);
        assertThat(r.choices().get(1).message().text()).isNotEqualTo(r.choices().get(2).message().text());
        assertThat(r.usage().completionTokens()).isEqualTo(60);
    }

    @Test
    void streamSendsRoleThenContentThenFinishThenUsageAtTheGenerationRate() {
        var sink = new RecordingSink(scheduler::now);
        provider(12, 0, 3).stream(ask("hi").withStream(true, true), sink);

        scheduler.advance(Duration.ofMillis(199));
        assertThat(sink.chunks).isEmpty();
        scheduler.advance(Duration.ofSeconds(5));

        List<ChatChunk> chunks = sink.chunks;
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        assertThat(sink.times.get(0)).isEqualTo(TTFT);
        ChatChunk finish = chunks.get(chunks.size() - 2);
        assertThat(finish.choices().get(0).finishReason()).isEqualTo("stop");
        ChatChunk usage = chunks.get(chunks.size() - 1);
        assertThat(usage.isUsageOnly()).isTrue();
        assertThat(usage.usage().completionTokens()).isEqualTo(12);
        List<ChatChunk> content = chunks.subList(1, chunks.size() - 2);
        assertThat(content).allSatisfy(c -> {
            String text = c.choices().get(0).delta().content();
            assertThat(text.trim().split(" ").length).isBetween(1, 3);
            assertThat(c.choices().get(0).finishReason()).isNull();
        });
        assertThat(sink.text()).isEqualTo(completeText(12, 3));
        assertThat(sink.times.get(sink.times.size() - 1)).isEqualTo(Duration.ofMillis(320));
        assertThat(chunks).extracting(ChatChunk::id).containsOnly(chunks.get(0).id());
        assertThat(sink.completions).isEqualTo(1);
        assertThat(sink.error).isNull();
    }

    private String completeText(int tokens, long seed) {
        CompletableFuture<ChatResponse> f = provider(tokens, 0, seed).complete(ask("hi"));
        scheduler.advance(Duration.ofSeconds(5));
        return f.join().firstText();
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() {
        var sink = new RecordingSink(scheduler::now);
        provider(5, 0, 3).stream(ask("hi").withStream(true, false), sink);
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(sink.chunks).noneMatch(c -> c.usage() != null);
        assertThat(sink.chunks.get(sink.chunks.size() - 1).choices().get(0).finishReason()).isEqualTo("stop");
    }

    @Test
    void requiredToolChoiceAnswersWithAToolCallFillingRequiredArguments() throws Exception {
        ChatRequest request = with(ask("weather?"), null, null, null, List.of(weatherTool()),
                TextNode.valueOf("required"), null, null);
        ChatResponse r = completeNow(provider(20, 0, 1), request);

        var choice = r.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        var call = choice.message().toolCalls().get(0);
        assertThat(call.id()).matches("call_[A-Za-z0-9]{24}");
        assertThat(call.name()).isEqualTo("get_weather");
        JsonNode args = JSON.readTree(call.arguments());
        assertThat(args.get("city").asText()).isEqualTo("Paris");
        assertThat(args.get("days").isInt()).isTrue();
        assertThat(args.has("unit")).isFalse();
        assertThat(choice.message().content()).isNull();
    }

    @Test
    void namedToolChoiceStreamsIndexedToolCallDeltas() throws Exception {
        JsonNode named = JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
        ChatRequest request = with(ask("weather?"), null, null, null, List.of(weatherTool()), named, null, null)
                .withStream(true, false);
        var sink = new RecordingSink(scheduler::now);
        provider(20, 0, 1).stream(request, sink);
        scheduler.advance(Duration.ofSeconds(5));

        var first = sink.chunks.get(0).choices().get(0).delta().toolCalls().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.id()).startsWith("call_");
        assertThat(first.name()).isEqualTo("get_weather");
        StringBuilder args = new StringBuilder();
        sink.chunks.forEach(c -> c.choices().forEach(ch -> ch.delta().toolCalls().forEach(d -> {
            assertThat(d.index()).isZero();
            args.append(d.arguments());
        })));
        assertThat(JSON.readTree(args.toString()).has("city")).isTrue();
        assertThat(sink.chunks.get(sink.chunks.size() - 1).choices().get(0).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void autoToolChoiceAnswersWithText() throws Exception {
        ChatRequest request = with(ask("weather?"), null, null, null, List.of(weatherTool()),
                TextNode.valueOf("auto"), null, null);
        ChatResponse r = completeNow(provider(10, 0, 1), request);
        assertThat(r.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(r.choices().get(0).message().toolCalls()).isEmpty();
    }

    @Test
    void toolChoiceNamingAnUnknownFunctionIsAnInvalidRequest() throws Exception {
        JsonNode named = JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"nope\"}}");
        var f = provider(10, 0, 1).complete(with(ask("x"), null, null, null, List.of(weatherTool()), named, null, null));
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("tool_choice");
                });
    }

    @Test
    void jsonModesAnswerValidJson() throws Exception {
        JsonNode object = JSON.readTree("{\"type\":\"json_object\"}");
        String plain = completeNow(provider(10, 0, 1), with(ask("x"), null, null, object, List.of(), null, null, null))
                .firstText();
        assertThat(JSON.readTree(plain).get("simulated").asBoolean()).isTrue();

        JsonNode schema = JSON.readTree("""
                {"type":"json_schema","json_schema":{"name":"person","schema":{"type":"object",
                 "properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":18,"maximum":99},
                 "tags":{"type":"array","items":{"type":"string"}},"address":{"$ref":"#/$defs/addr"}},
                 "required":["name","age"],"$defs":{"addr":{"type":"object","properties":{"city":{"type":"string"}}}}}}}
                """);
        JsonNode person = JSON.readTree(completeNow(provider(10, 0, 1),
                with(ask("x"), null, null, schema, List.of(), null, null, null)).firstText());
        assertThat(person.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(person.get("age").asInt()).isBetween(18, 99);
        assertThat(person.get("tags").isArray()).isTrue();
        assertThat(person.get("address").get("city").asText()).isEqualTo("Paris");
    }

    @Test
    void logprobsHaveOneEntryPerTokenWithTopAlternatives() throws Exception {
        ChatResponse r = completeNow(provider(8, 0, 1), with(ask("x"), null, null, null, List.of(), null, true, 2));
        JsonNode content = r.choices().get(0).logprobs().get("content");
        assertThat(content).hasSize(8);
        assertThat(content.get(0).get("token").asText()).isEqualTo("This");
        assertThat(content.get(0).get("logprob").asDouble()).isBetween(-2.5, 0.0);
        assertThat(content.get(0).get("top_logprobs")).hasSize(2);
        assertThat(completeNow(provider(8, 0, 1), ask("x")).choices().get(0).logprobs()).isNull();
    }

    @Test
    void failureRateOneAlwaysFailsAndZeroNeverFails() {
        SimulatorProvider failing = provider(5, 1.0, 1);
        SimulatorProvider healthy = provider(5, 0.0, 1);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(failing.complete(ask("x"))::get).cause()
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
                        assertThat(e.upstreamStatus()).isEqualTo(503);
                        assertThat(e.getMessage()).isEqualTo("simulated upstream failure");
                    });
            var f = healthy.complete(ask("x"));
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(f).isCompleted();
        }
        var sink = new RecordingSink(scheduler::now);
        failing.stream(ask("x").withStream(true, false), sink);
        scheduler.advance(Duration.ZERO);
        assertThat(sink.error.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(sink.chunks).isEmpty();
    }

    @Test
    void cancellingAStreamStopsSchedulingAndTheSinkHearsNothingMore() {
        var sink = new RecordingSink(scheduler::now);
        var handle = provider(100, 0, 1).stream(ask("x").withStream(true, true), sink);
        scheduler.advance(Duration.ofMillis(250));
        int seen = sink.chunks.size();
        assertThat(seen).isGreaterThan(1);

        handle.cancel();
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(sink.chunks).hasSize(seen);
        assertThat(sink.completions).isZero();
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void cancellingTheFutureCancelsTheScheduledCompletion() {
        var f = provider(10, 0, 1).complete(ask("x"));
        f.cancel(true);
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void invalidNIsRejectedWithItsParam() {
        var f = provider(10, 0, 1).complete(with(ask("x"), null, 0, null, List.of(), null, null, null));
        assertThatThrownBy(f::get).cause().isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.param()).isEqualTo("n"));
    }

    @Test
    void aRealExecutorTimesTheAnswerAndAShutDownOneFailsCleanly() throws Exception {
        var settings = new SimulatorSettings(Duration.ofMillis(5), 1000, 10, 0, 1);
        var deployment = new DeploymentConfig("sim", ProviderKind.SIMULATOR, null, null, "sim-small",
                null, null, Map.of(), settings);
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            var provider = new SimulatorProvider(deployment, executor, Clock.systemUTC());
            assertThat(provider.complete(ask("x")).get(5, java.util.concurrent.TimeUnit.SECONDS).firstText())
                    .startsWith("This is a simulated answer");
            executor.shutdownNow();
            assertThatThrownBy(provider.complete(ask("x"))::get).cause()
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE));
            var sink = new RecordingSink(scheduler::now);
            provider.stream(ask("x").withStream(true, false), sink);
            assertThat(sink.error.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Tool weatherTool() throws Exception {
        return Tool.function("get_weather", "Weather forecast", JSON.readTree("""
                {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"},
                 "unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city","days"]}
                """));
    }
}
