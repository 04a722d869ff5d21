package dev.gearbox.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Price;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.cost.CostAccountant;
import dev.gearbox.core.cost.PriceTable;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.testing.MutableClock;
import dev.gearbox.core.testing.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The outermost stage: one record per request, after the client's answer, for both paths. */
class RecordingChatGatewayTest {
    private static final RouteInfo ROUTE = new RouteInfo(Tier.FAST, "cheap",
            List.of(new Attempt("cheap", Tier.FAST, 40_000_000, null, 200, null)), 40_000_000);

    private final StubGateway inner = new StubGateway();
    private final List<RequestRecord> records = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final CostAccountant costs = new CostAccountant(new PriceTable(Map.of(
            "cheap", new Price(1, 2), "frontier", new Price(10, 20))), "frontier");
    private final RequestContext context = new RequestContext("req-1", 0, "tenant-a", Map.of());

    private RecordingChatGateway gateway(boolean captureText, RequestRecorder... extra) {
        List<RequestRecorder> recorders = new ArrayList<>(List.of(extra));
        recorders.add(records::add);
        return new RecordingChatGateway(inner, costs, recorders, captureText, MutableClock.atEpoch(), nanos::get);
    }

    @Test
    void aCompletedRequestIsRecordedWithItsCostAfterTheClientHasIt() {
        List<String> order = new ArrayList<>();
        CompletableFuture<GatewayResponse> answer = gateway(false, r -> order.add("recorded"))
                .complete(ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))), context);
        answer.thenRun(() -> order.add("client"));

        nanos.set(50_000_000);
        inner.answer.complete(new GatewayResponse(response("hello", Usage.of(1_000_000, 0)), ROUTE));

        assertThat(order).containsExactly("client", "recorded");
        RequestRecord r = records.get(0);
        assertThat(r.outcome()).isEqualTo("ok");
        assertThat(r.requestId()).isEqualTo("req-1");
        assertThat(r.totalNanos()).isEqualTo(50_000_000);
        assertThat(r.overheadNanos()).isEqualTo(10_000_000);
        assertThat(r.cost().costUsd()).isEqualTo(1.0);
        assertThat(r.cost().baselineUsd()).isEqualTo(10.0);
        assertThat(r.answer()).isNull();
        assertThat(r.requestClass()).isEqualTo(RequestRecord.UNCLASSIFIED);
    }

    @Test
    void aCacheHitCostsNothingAndCountsItsBaselineAsSaved() {
        gateway(false).complete(ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))), context);
        RouteInfo hit = new RouteInfo(Tier.FAST, "cheap", List.of(), 0).withCache(CacheResult.HIT_EXACT);

        inner.answer.complete(new GatewayResponse(response("cached", Usage.of(0, 1_000_000)), hit));

        RequestRecord r = records.get(0);
        assertThat(r.cacheHit()).isTrue();
        assertThat(r.cost().costUsd()).isZero();
        assertThat(r.cost().baselineUsd()).isEqualTo(20.0);
        assertThat(r.cost().savingsUsd()).isEqualTo(20.0);
    }

    @Test
    void aFailureIsRecordedWithItsKindAndARecorderThatThrowsDoesNotReachTheClient() {
        CompletableFuture<GatewayResponse> answer = gateway(false, r -> {
            throw new IllegalStateException("boom");
        }).complete(ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))), context);

        inner.answer.completeExceptionally(new GatewayException(ErrorKind.UPSTREAM_TIMEOUT, "too slow"));

        assertThat(answer).isCompletedExceptionally();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT.metricTag());
            assertThat(r.errorMessage()).isEqualTo("too slow");
            assertThat(r.route()).isNull();
        });
    }

    @Test
    void cancellingTheAnswerCancelsTheInnerCallAndRecordsCancelled() {
        CompletableFuture<GatewayResponse> answer = gateway(false)
                .complete(ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))), context);

        answer.cancel(true);

        assertThat(inner.answer).isCancelled();
        assertThat(records).singleElement().extracting(RequestRecord::outcome).isEqualTo("cancelled");
    }

    @Test
    void aStreamAsksUpstreamForUsageButOnlyPassesItOnWhenTheClientAskedToo() {
        RecordingListener client = new RecordingListener();
        ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))).withStream(true, false);
        gateway(true).stream(request, context, client);

        assertThat(inner.streamed.includeUsage()).isTrue();
        nanos.set(20_000_000);
        inner.listener.onStart(ROUTE);
        inner.listener.onChunk(chunk("Hel"));
        inner.listener.onChunk(chunk("lo"));
        inner.listener.onChunk(new ChatChunk("c", 1, "m", List.of(), Usage.of(10, 2), null, Map.of()));
        nanos.set(60_000_000);
        inner.listener.onComplete(ROUTE);

        assertThat(client.events).containsExactly("start:cheap", "chunk:m:Hel", "chunk:m:lo", "complete");
        RequestRecord r = records.get(0);
        assertThat(r.stream()).isTrue();
        assertThat(r.firstTokenNanos()).isEqualTo(20_000_000);
        assertThat(r.totalNanos()).isEqualTo(60_000_000);
        assertThat(r.usage().completionTokens()).isEqualTo(2);
        assertThat(r.answer()).isEqualTo("Hello");
    }

    @Test
    void aStreamIsRecordedOnceWhetherItFailsOrIsCancelled() {
        RecordingListener client = new RecordingListener();
        ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))).withStream(true, true);
        StreamHandle handle = gateway(false).stream(request, context, client);

        inner.listener.onStart(ROUTE);
        inner.listener.onError(new GatewayException(ErrorKind.UPSTREAM_ERROR, "cut"), true);
        handle.cancel();

        assertThat(inner.cancels).isEqualTo(1);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ErrorKind.UPSTREAM_ERROR.metricTag());
            assertThat(r.route()).isEqualTo(ROUTE);
        });
    }

    private static ChatResponse response(String text, Usage usage) {
        return new ChatResponse("id", 1, "m", List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)),
                usage, null, Map.of());
    }

    private static ChatChunk chunk(String text) {
        return new ChatChunk("c", 1, "m", List.of(new ChunkChoice(0, Delta.content(text), null, null)), null, null,
                Map.of());
    }

    /** A gateway whose answer and stream the test drives by hand. */
    private static final class StubGateway implements ChatGateway {
        final CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
        ChatRequest streamed;
        GatewayStreamListener listener;
        int cancels;

        @Override
        public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
            return answer;
        }

        @Override
        public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener l) {
            streamed = request;
            listener = l;
            return () -> cancels++;
        }
    }
}
