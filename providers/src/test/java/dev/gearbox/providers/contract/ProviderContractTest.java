package dev.gearbox.providers.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.http.PoolSettings;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.http.UpstreamTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The one contract every provider passes. A provider test extends this class and supplies how to
 * build the provider against the suite's WireMock origin ({@link #provider(ContractTarget)}), where
 * its recorded wire fixtures live ({@link #fixtureRoot()}), and what it lacks ({@link #unsupported()}).
 *
 * <p>The canonical side of each scenario (the request in {@link ContractRequests}, the expected
 * {@code ChatResponse}/{@code ChatChunk}s, {@code ErrorKind}, retry hint and usage in
 * {@link Recorded}) is the same for every provider. The wire side is one WireMock stub mapping per
 * scenario, {@code <fixtureRoot>/<scenario>.json}, whose stream bodies live in
 * {@code <fixtureRoot>/__files/}; its request matchers pin where the provider must put things
 * (the system prompt in the right field, tool results in the right shape). A request that no
 * stub matches fails the scenario with WireMock's list of unmatched requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContractTest {
    /** The model name every contract deployment sends upstream; fixtures match on it. */
    protected static final String MODEL = "contract-model";
    /** The deployment's key; it must never show in an error a client could read. */
    protected static final String API_KEY = "contract-secret-key-0001";
    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private EventLoopGroup group;
    private WireMockServer wireMock;
    private UpstreamHttpClient http;
    private ChatProvider provider;

    /** The provider under test, built against {@code target} (a provider without a wire ignores its origin). */
    protected abstract ChatProvider provider(ContractTarget target);

    /**
     * The classpath folder holding this provider's wire fixtures, e.g. {@code fixtures/anthropic};
     * null for a provider without a wire (it must then declare {@link Capability#WIRE} unsupported).
     */
    protected abstract String fixtureRoot();

    /** What this provider lacks; each entry is checked to fail clearly (see {@link Capability}). */
    protected Set<Capability> unsupported() {
        return Set.of();
    }

    @BeforeAll
    void startInfrastructure() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        if (fixtureRoot() != null) {
            wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)
                    .usingFilesUnderClasspath(fixtureRoot()));
            wireMock.start();
        }
    }

    @AfterAll
    void stopInfrastructure() throws InterruptedException {
        if (wireMock != null) {
            wireMock.stop();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @BeforeEach
    void buildProvider() {
        if (wireMock != null) {
            wireMock.resetAll();
        }
        http = new UpstreamHttpClient(group, UpstreamTransport.NIO, PoolSettings.DEFAULT,
                UpstreamHttpClient.defaultSslContext());
        URI origin = wireMock == null ? URI.create("http://127.0.0.1:9") : URI.create(wireMock.baseUrl());
        provider = provider(new ContractTarget(origin, http, CLOCK, group, MODEL, API_KEY));
    }

    @AfterEach
    void closeProvider() {
        provider.close();
        http.close();
    }

    // ---- declarations -------------------------------------------------------------------------

    @Test
    void declaresItsWireHonestly() {
        assertThat(fixtureRoot() == null)
                .as("a provider has fixtures exactly when it does not declare WIRE unsupported")
                .isEqualTo(unsupported().contains(Capability.WIRE));
    }

    // ---- answers --------------------------------------------------------------------------------

    @Test
    void plainAnswer() throws Exception {
        ChatResponse r = complete("plain-answer", ContractRequests.plain());

        assertSingleAnswer(r, Recorded.HELLO, "stop");
        assertUsage(r.usage(), Recorded.HELLO_PROMPT_TOKENS, Recorded.HELLO_COMPLETION_TOKENS);
        assertThat(r.id()).isNotBlank();
        assertThat(r.model()).isNotBlank();
    }

    @Test
    void multiTurn() throws Exception {
        ChatResponse r = complete("multi-turn", ContractRequests.multiTurn());

        assertSingleAnswer(r, Recorded.MULTI_TURN, "stop");
    }

    @Test
    void systemPrompt() throws Exception {
        ChatResponse r = complete("system-prompt", ContractRequests.systemPrompt());

        assertSingleAnswer(r, Recorded.PIRATE, "stop");
    }

    @Test
    void jsonMode() throws Exception {
        if (declaredUnsupported(Capability.JSON_MODE)) {
            return;
        }
        ChatResponse r = complete("json-mode", ContractRequests.jsonMode());

        Choice c = r.choices().get(0);
        assertThat(c.finishReason()).isEqualTo("stop");
        JsonNode answer = ContractRequests.json(c.message().text());
        assertThat(answer.isObject()).as("JSON mode answers a JSON object, got: %s", c.message().text()).isTrue();
        if (hasWire()) {
            assertThat(answer).isEqualTo(ContractRequests.json(Recorded.GREETING_JSON));
        }
    }

    @Test
    void multipleChoices() throws Exception {
        if (declaredUnsupported(Capability.MULTIPLE_CHOICES)) {
            return;
        }
        ChatResponse r = complete("multiple-choices", ContractRequests.multipleChoices());

        assertThat(r.choices()).extracting(Choice::index).containsExactly(0, 1);
        assertThat(r.choices()).allSatisfy(c -> {
            assertThat(c.message().text()).isNotBlank();
            assertThat(c.finishReason()).isEqualTo("stop");
        });
        if (hasWire()) {
            assertThat(r.choices()).extracting(c -> c.message().text()).containsExactly(Recorded.HELLO, Recorded.HI);
        }
    }

    @Test
    void logprobs() throws Exception {
        if (declaredUnsupported(Capability.LOGPROBS)) {
            return;
        }
        ChatResponse r = complete("logprobs", ContractRequests.logprobs());

        JsonNode logprobs = r.choices().get(0).logprobs();
        assertThat(logprobs).isNotNull();
        assertThat(logprobs.path("content").isArray() && logprobs.path("content").size() > 0).isTrue();
    }

    // ---- tools ----------------------------------------------------------------------------------

    @Test
    void toolCall() throws Exception {
        if (declaredUnsupported(Capability.TOOLS)) {
            return;
        }
        ChatResponse r = complete("tool-call", ContractRequests.toolCall());

        Choice c = r.choices().get(0);
        assertThat(c.finishReason()).isEqualTo("tool_calls");
        assertThat(c.message().role()).isEqualTo(Role.ASSISTANT);
        assertThat(c.message().toolCalls()).hasSize(1);
        ToolCall call = c.message().toolCalls().get(0);
        assertThat(call.id()).isNotBlank();
        assertThat(call.type()).isEqualTo("function");
        assertThat(call.name()).isEqualTo("get_weather");
        assertArguments(call.arguments(), Recorded.PARIS);
    }

    @Test
    void parallelToolCalls() throws Exception {
        if (declaredUnsupported(Capability.TOOLS) || declaredUnsupported(Capability.PARALLEL_TOOL_CALLS)) {
            return;
        }
        ChatResponse r = complete("parallel-tool-calls", ContractRequests.parallelToolCalls());

        Choice c = r.choices().get(0);
        assertThat(c.finishReason()).isEqualTo("tool_calls");
        List<ToolCall> calls = c.message().toolCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(ToolCall::name).containsOnly("get_weather");
        assertThat(calls).extracting(ToolCall::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
        assertArguments(calls.get(0).arguments(), Recorded.PARIS);
        assertArguments(calls.get(1).arguments(), Recorded.LONDON);
    }

    @Test
    void toolResults() throws Exception {
        if (declaredUnsupported(Capability.TOOLS)) {
            return;
        }
        ChatResponse r = complete("tool-results", ContractRequests.toolResults());

        assertSingleAnswer(r, Recorded.WEATHER_ANSWER, "stop");
    }

    // ---- streams --------------------------------------------------------------------------------

    @Test
    void stream() throws Exception {
        StreamRecorder s = stream("stream", ContractRequests.stream(false));

        assertThat(s.await()).as("the stream completes").isNull();
        assertThat(s.endings.get()).isEqualTo(1);
        assertStreamShape(s);
        assertText(s.text(), Recorded.HELLO);
        assertThat(s.finishReasons()).containsExactly("stop");
        assertThat(s.usages()).as("no usage unless include_usage was asked").isEmpty();
    }

    @Test
    void streamWithUsage() throws Exception {
        StreamRecorder s = stream("stream-with-usage", ContractRequests.stream(true));

        assertThat(s.await()).isNull();
        assertStreamShape(s);
        assertText(s.text(), Recorded.HELLO);
        assertThat(s.finishReasons()).containsExactly("stop");
        assertThat(s.usages()).as("exactly one usage chunk").hasSize(1);
        ChatChunk last = s.chunks.get(s.chunks.size() - 1);
        assertThat(last.isUsageOnly()).as("the usage chunk comes last, without choices").isTrue();
        assertUsage(last.usage(), Recorded.HELLO_PROMPT_TOKENS, Recorded.HELLO_COMPLETION_TOKENS);
    }

    @Test
    void streamedToolCallsKeepTheirIndex() throws Exception {
        if (declaredUnsupported(Capability.TOOLS) || declaredUnsupported(Capability.PARALLEL_TOOL_CALLS)) {
            return;
        }
        StreamRecorder s = stream("stream-tool-calls", ContractRequests.streamedToolCalls());

        assertThat(s.await()).isNull();
        assertStreamShape(s);
        assertText(s.text(), Recorded.TOOL_PREAMBLE);
        assertThat(s.finishReasons()).containsExactly("tool_calls");
        Map<Integer, StreamRecorder.AssembledCall> calls = s.toolCalls();
        assertThat(calls.keySet()).as("tool-call indexes count calls from 0").containsExactly(0, 1);
        calls.values().forEach(call -> {
            assertThat(call.id()).isNotBlank();
            assertThat(call.idFragments()).as("the id arrives once").isEqualTo(1);
            assertThat(call.name()).isEqualTo("get_weather");
        });
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
        assertArguments(calls.get(0).arguments(), Recorded.PARIS);
        assertArguments(calls.get(1).arguments(), Recorded.LONDON);
    }

    @Test
    void streamCutMidWay() throws Exception {
        if (declaredUnsupported(Capability.WIRE)) {
            return;
        }
        StreamRecorder s = stream("stream-cut", ContractRequests.stream(false));

        GatewayException e = s.await();
        assertThat(e).as("a cut stream ends with an error, not a completion").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(s.endings.get()).isEqualTo(1);
        assertThat(s.text()).isEqualTo(Recorded.CUT_PREFIX);
        assertThat(s.finishReasons()).isEmpty();
    }

    @Test
    void errorEventMidStream() throws Exception {
        if (declaredUnsupported(Capability.WIRE)) {
            return;
        }
        StreamRecorder s = stream("stream-error-event", ContractRequests.stream(false));

        GatewayException e = s.await();
        assertThat(e).isNotNull();
        assertThat(e.kind().retryable()).as("an upstream failure mid-stream, kind %s", e.kind()).isTrue();
        assertThat(s.text()).isEqualTo(Recorded.CUT_PREFIX);
        assertThat(s.endings.get()).isEqualTo(1);
        assertNoSecret(e);
    }

    @Test
    void errorBeforeTheStreamStartsIsReportedWithoutChunks() throws Exception {
        if (declaredUnsupported(Capability.WIRE)) {
            return;
        }
        StreamRecorder s = stream("stream-rate-limited", ContractRequests.stream(true));

        GatewayException e = s.await();
        assertThat(e).isNotNull();
        assertThat(s.chunks).as("nothing reached the client, so fallback may move on").isEmpty();
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(Recorded.RETRY_AFTER_SECONDS));
    }

    // ---- errors ---------------------------------------------------------------------------------

    @Test
    void badRequest() throws Exception {
        assertError("error-bad-request", ErrorKind.INVALID_REQUEST, 400);
    }

    @Test
    void unauthorizedIsTheDeploymentsKey() throws Exception {
        assertError("error-unauthorized", ErrorKind.UPSTREAM_AUTH, 401);
    }

    @Test
    void forbiddenIsTheDeploymentsKey() throws Exception {
        assertError("error-forbidden", ErrorKind.UPSTREAM_AUTH, 403);
    }

    @Test
    void unknownModel() throws Exception {
        assertError("error-model-not-found", ErrorKind.MODEL_NOT_FOUND, 404);
    }

    @Test
    void rateLimitedCarriesTheRetryHint() throws Exception {
        GatewayException e = assertError("error-rate-limited", ErrorKind.RATE_LIMITED, 429);
        if (e != null) {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(Recorded.RETRY_AFTER_SECONDS));
        }
    }

    @Test
    void serverError() throws Exception {
        assertError("error-server", ErrorKind.UPSTREAM_ERROR, 500);
    }

    @Test
    void overloaded() throws Exception {
        assertError("error-overloaded", ErrorKind.UPSTREAM_UNAVAILABLE, 0);
    }

    @Test
    void contextTooLong() throws Exception {
        GatewayException e = assertError("error-context-too-long", ErrorKind.CONTEXT_LENGTH_EXCEEDED, 400);
        if (e != null) {
            assertThat(e.code()).isEqualTo("context_length_exceeded");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * When {@code capability} is declared unsupported, checks what that declaration promises and
     * returns true (the scenario is done): a request feature is refused with INVALID_REQUEST naming
     * its parameter, in both complete and stream, before anything goes upstream; a behaviour aborts
     * the scenario with the declaration as its reason.
     */
    private boolean declaredUnsupported(Capability capability) throws Exception {
        if (!unsupported().contains(capability)) {
            return false;
        }
        if (capability.rejectedParam() == null) {
            Assumptions.abort(getClass().getSimpleName() + " declares " + capability + " unsupported");
        }
        ChatRequest request = ContractRequests.using(capability);
        GatewayException refused = failure(provider.complete(request));
        assertRefusal(refused, capability);
        StreamRecorder s = new StreamRecorder();
        provider.stream(request.withStream(true, false), s);
        assertRefusal(s.await(), capability);
        assertThat(s.chunks).isEmpty();
        if (wireMock != null) {
            assertThat(wireMock.getAllServeEvents()).as("a refused request never goes upstream").isEmpty();
        }
        return true;
    }

    private static void assertRefusal(GatewayException e, Capability capability) {
        assertThat(e).as("declared unsupported %s must be refused", capability).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.param()).isEqualTo(capability.rejectedParam());
        assertThat(e.getMessage()).isNotBlank();
    }

    /** The error a fixture's status maps to; null when the provider has no wire (declared, so aborted). */
    private GatewayException assertError(String scenario, ErrorKind kind, int upstreamStatus) throws Exception {
        if (declaredUnsupported(Capability.WIRE)) {
            return null;
        }
        replay(scenario);
        GatewayException e = failure(provider.complete(ContractRequests.plain()));
        assertWireMatched();
        assertThat(e.kind()).as("%s maps to %s: %s", scenario, kind, e.getMessage()).isEqualTo(kind);
        if (upstreamStatus != 0) {
            assertThat(e.upstreamStatus()).isEqualTo(upstreamStatus);
        }
        assertThat(e.getMessage()).isNotBlank();
        assertNoSecret(e);
        return e;
    }

    private static void assertNoSecret(GatewayException e) {
        assertThat(e.getMessage()).doesNotContain(API_KEY);
    }

    private boolean hasWire() {
        return !unsupported().contains(Capability.WIRE);
    }

    private ChatResponse complete(String scenario, ChatRequest request) throws Exception {
        if (hasWire()) {
            replay(scenario);
        }
        ChatResponse response;
        try {
            response = provider.complete(request).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertWireMatched();
            throw e;
        }
        assertWireMatched();
        return response;
    }

    private StreamRecorder stream(String scenario, ChatRequest request) throws Exception {
        if (hasWire()) {
            replay(scenario);
        }
        StreamRecorder s = new StreamRecorder();
        provider.stream(request, s);
        s.await();
        assertWireMatched();
        return s;
    }

    private static GatewayException failure(java.util.concurrent.CompletableFuture<?> future) throws Exception {
        try {
            Object value = future.get(5, TimeUnit.SECONDS);
            return fail("expected a GatewayException, got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GatewayException.class);
            return (GatewayException) e.getCause();
        }
    }

    /** Loads {@code <fixtureRoot>/<scenario>.json}, a WireMock stub mapping, as the only stub. */
    private void replay(String scenario) throws IOException {
        String path = fixtureRoot() + "/" + scenario + ".json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                fail("missing wire fixture " + path + " on the classpath");
            }
            wireMock.resetAll();
            wireMock.addStubMapping(StubMapping.buildFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** Fails with what was sent when a request missed the fixture's matchers (wrong field, wrong path). */
    private void assertWireMatched() {
        if (wireMock == null) {
            return;
        }
        List<LoggedRequest> unmatched = wireMock.findAllUnmatchedRequests();
        assertThat(unmatched).as("requests that matched no fixture stub: %s",
                unmatched.stream().map(r -> r.getMethod() + " " + r.getUrl() + " " + r.getBodyAsString()).toList())
                .isEmpty();
        assertThat(wireMock.getAllServeEvents()).as("the provider called its upstream").isNotEmpty();
    }

    private void assertSingleAnswer(ChatResponse r, String recordedText, String finishReason) {
        assertThat(r.choices()).hasSize(1);
        Choice c = r.choices().get(0);
        assertThat(c.index()).isZero();
        assertThat(c.message().role()).isEqualTo(Role.ASSISTANT);
        assertThat(c.message().toolCalls()).isEmpty();
        assertThat(c.finishReason()).isEqualTo(finishReason);
        assertText(c.message().text(), recordedText);
    }

    private void assertText(String actual, String recorded) {
        if (hasWire()) {
            assertThat(actual).isEqualTo(recorded);
        } else {
            assertThat(actual).isNotBlank();
        }
    }

    private void assertUsage(Usage usage, int prompt, int completion) {
        assertThat(usage).isNotNull();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        if (hasWire()) {
            assertThat(usage.promptTokens()).isEqualTo(prompt);
            assertThat(usage.completionTokens()).isEqualTo(completion);
        } else {
            assertThat(usage.promptTokens()).isPositive();
            assertThat(usage.completionTokens()).isPositive();
        }
    }

    private void assertArguments(String arguments, String recorded) {
        JsonNode parsed = ContractRequests.json(arguments);
        assertThat(parsed.isObject()).as("tool arguments are a JSON object: %s", arguments).isTrue();
        if (hasWire()) {
            assertThat(parsed).isEqualTo(ContractRequests.json(recorded));
        } else {
            assertThat(parsed.has("city")).as("the required parameter is filled: %s", arguments).isTrue();
        }
    }

    /** Every chunk belongs to one completion; the first delta says who speaks. */
    private static void assertStreamShape(StreamRecorder s) {
        assertThat(s.chunks).isNotEmpty();
        String id = s.chunks.get(0).id();
        assertThat(id).isNotBlank();
        assertThat(s.chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo(id));
        ChatChunk first = s.chunks.stream().filter(c -> !c.choices().isEmpty()).findFirst().orElseThrow();
        assertThat(first.choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
    }
}
