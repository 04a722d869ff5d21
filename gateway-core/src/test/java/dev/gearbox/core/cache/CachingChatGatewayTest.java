package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.answer;
import static dev.gearbox.core.cache.CacheTesting.ask;
import static dev.gearbox.core.cache.CacheTesting.askCold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.CacheConfig;
import dev.gearbox.config.ExactCacheConfig;
import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.model.AnswerChunks;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.provider.StreamHandle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingChatGatewayTest {
    private static final RequestContext ALICE = new RequestContext("r1", 0, "alice", Map.of());
    private static final RequestContext BOB = new RequestContext("r2", 0, "bob", Map.of());
    private static final RequestContext ALICE_BYPASS = new RequestContext("r3", 0, "alice",
            Map.of("x-gearbox-cache", "bypass"));
    private static final CacheConfig CONFIG = new CacheConfig(
            new ExactCacheConfig(true, 1 << 20, Duration.ofHours(1), false),
            new SemanticCacheConfig(true, 0.9, 100, 1 << 20, Duration.ofHours(1), 0.3), null, null);

    private static final RoutingDecision DECISION = new RoutingDecision(Tier.FAST, 0.2, 0.8, "math", null);

    private final Upstream upstream = new Upstream();
    private final WordEmbedder embedder = new WordEmbedder();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ResponseCaches caches = ResponseCaches.create(CONFIG, WordEmbedder.DIM, new CacheTesting.SettableTicker());
    private final CachingChatGateway gateway = new CachingChatGateway(upstream, caches, CONFIG, embedder, Runnable::run,
            new GatewayMetrics(registry));

    @Test
    void aRepeatedRequestIsAnExactHitWithTheOriginalRouteAndStoredUsage() throws Exception {
        GatewayResponse first = gateway.complete(ask("hello"), ALICE).get();
        GatewayResponse second = gateway.complete(ask("hello"), ALICE).get();

        assertThat(first.route().cache()).isEqualTo(CacheResult.MISS);
        assertThat(second.route().cache()).isEqualTo(CacheResult.HIT_EXACT);
        assertThat(second.route().tier()).isEqualTo(Tier.FAST);
        assertThat(second.route().deployment()).isEqualTo("dep-up");
        assertThat(second.route().attempts()).isEmpty();
        assertThat(second.route().decision()).as("a hit counts under the stored request class").isEqualTo(DECISION);
        assertThat(second.response().usage()).isEqualTo(first.response().usage());
        assertThat(second.response().firstText()).isEqualTo(first.response().firstText());
        assertThat(upstream.calls).hasValue(1);
        assertThat(registry.get("gearbox.cache.requests").tags("kind", "exact", "outcome", "hit").counter().count())
                .isEqualTo(1);
    }

    @Test
    void tenantsDoNotShareAnswers() throws Exception {
        gateway.complete(ask("hello"), ALICE).get();

        assertThat(gateway.complete(ask("hello"), BOB).get().route().cache()).isEqualTo(CacheResult.MISS);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void aBypassedRequestIsNeitherServedNorStored() throws Exception {
        gateway.complete(ask("hello"), ALICE).get();

        assertThat(gateway.complete(ask("hello"), ALICE_BYPASS).get().route().cache()).isEqualTo(CacheResult.BYPASS);
        assertThat(upstream.calls).hasValue(2);
        assertThat(gateway.complete(ask("bye"), ALICE_BYPASS).get().route().cache()).isEqualTo(CacheResult.BYPASS);
        assertThat(gateway.complete(ask("bye"), ALICE).get().route().cache()).isEqualTo(CacheResult.MISS);
    }

    @Test
    void errorsAndNonStopAnswersAreNotStored() throws Exception {
        upstream.next = "error";
        assertThatThrownBy(() -> gateway.complete(ask("hello"), ALICE).get()).isInstanceOf(ExecutionException.class);
        upstream.next = "length";
        gateway.complete(ask("hello"), ALICE).get();
        upstream.next = "ok";

        assertThat(gateway.complete(ask("hello"), ALICE).get().route().cache()).isEqualTo(CacheResult.MISS);
        assertThat(upstream.calls).hasValue(3);
    }

    @Test
    void aCloseParaphraseIsASemanticHitAndTheRequestIsEmbeddedOnce() throws Exception {
        gateway.complete(askCold("what is the capital of france"), ALICE).get();
        GatewayResponse hit = gateway.complete(askCold("what is the capital city of france"), ALICE).get();

        assertThat(hit.route().cache().status()).isEqualTo(CacheStatus.HIT_SEMANTIC);
        assertThat(hit.route().cache().similarity()).isBetween(0.9, 1.0);
        assertThat(upstream.calls).hasValue(1);
        assertThat(embedder.calls).hasValue(2);
        assertThat(registry.get("gearbox.cache.similarity").summary().count()).isEqualTo(1);
    }

    @Test
    void hotRequestsAreNotServedSemantically() throws Exception {
        gateway.complete(ask("what is the capital of france"), ALICE).get();
        GatewayResponse second = gateway.complete(ask("what is the capital city of france"), ALICE).get();

        assertThat(second.route().cache()).isEqualTo(CacheResult.MISS);
        assertThat(embedder.calls).hasValue(0);
    }

    @Test
    void aStreamIsStoredWhenItCompletesAndReplayedAsAStream() {
        Recorder first = new Recorder();
        gateway.stream(ask("hello").withStream(true, false), ALICE, first);
        Recorder second = new Recorder();
        gateway.stream(ask("hello").withStream(true, true), ALICE, second);

        assertThat(first.started.cache()).isEqualTo(CacheResult.MISS);
        assertThat(first.chunks).noneMatch(c -> c.usage() != null); // asked upstream for usage, hidden from the client
        assertThat(upstream.lastRequest.includeUsage()).isTrue();
        assertThat(second.started.cache()).isEqualTo(CacheResult.HIT_EXACT);
        assertThat(second.completed.cache()).isEqualTo(CacheResult.HIT_EXACT);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.chunks.get(second.chunks.size() - 1).isUsageOnly()).isTrue();
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void aCutStreamIsNotStored() {
        upstream.next = "cut";
        Recorder cut = new Recorder();
        gateway.stream(ask("hello").withStream(true, false), ALICE, cut);
        upstream.next = "ok";
        Recorder again = new Recorder();
        gateway.stream(ask("hello").withStream(true, false), ALICE, again);

        assertThat(cut.error).isNotNull();
        assertThat(again.started.cache()).isEqualTo(CacheResult.MISS);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void aNonStreamAnswerServesALaterStream() throws Exception {
        gateway.complete(ask("hello"), ALICE).get();
        Recorder stream = new Recorder();
        gateway.stream(ask("hello").withStream(true, false), ALICE, stream);

        assertThat(stream.started.cache()).isEqualTo(CacheResult.HIT_EXACT);
        assertThat(stream.text()).isEqualTo("answer to hello");
        assertThat(stream.completed).isNotNull();
    }

    @Test
    void cancellingWhileEmbeddingNeverCallsUpstream() {
        CompletableFuture<PromptEmbedding> pending = new CompletableFuture<>();
        ConversationEmbedder later = new ConversationEmbedder() {
            @Override
            public <T> CompletableFuture<T> embed(ChatRequest request, java.util.function.Function<PromptEmbedding, T> then) {
                return pending.thenApply(then);
            }
        };
        CachingChatGateway slow = new CachingChatGateway(upstream, caches, CONFIG, later, Runnable::run,
                new GatewayMetrics(registry));

        CompletableFuture<GatewayResponse> answer = slow.complete(askCold("hello"), ALICE);
        answer.cancel(true);
        StreamHandle handle = slow.stream(askCold("hello").withStream(true, false), ALICE, new Recorder());
        handle.cancel();
        pending.complete(PromptEmbedding.whole(embedder.vector("hello")));

        assertThat(upstream.calls).hasValue(0);
    }

    /** Answers "answer to <prompt>" from deployment dep-up, or fails / cuts / stops for length when told. */
    private static final class Upstream implements ChatGateway {
        final AtomicInteger calls = new AtomicInteger();
        volatile String next = "ok";
        volatile ChatRequest lastRequest;

        @Override
        public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
            calls.incrementAndGet();
            lastRequest = request;
            if (next.equals("error")) {
                return CompletableFuture.failedFuture(new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "down"));
            }
            ChatResponse response = answer("answer to " + request.messages().get(0).text(),
                    next.equals("length") ? "length" : "stop");
            return CompletableFuture.completedFuture(new GatewayResponse(response, route()));
        }

        @Override
        public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener) {
            calls.incrementAndGet();
            lastRequest = request;
            List<ChatChunk> chunks = AnswerChunks.of(answer("answer to " + request.messages().get(0).text()),
                    request.includeUsage());
            listener.onStart(route());
            if (next.equals("cut")) {
                listener.onChunk(chunks.get(0));
                listener.onChunk(chunks.get(1));
                listener.onError(new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "cut"), true);
            } else {
                chunks.forEach(listener::onChunk);
                listener.onComplete(route());
            }
            return () -> { };
        }

        private static RouteInfo route() {
            return new RouteInfo(Tier.FAST, "dep-up", List.of(), 1_000_000, DECISION);
        }
    }

    /** Bag-of-words vectors: prompts sharing most words are close; counts its calls. */
    private static final class WordEmbedder implements ConversationEmbedder {
        static final int DIM = 64;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public <T> CompletableFuture<T> embed(ChatRequest request, java.util.function.Function<PromptEmbedding, T> then) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(
                    then.apply(PromptEmbedding.whole(vector(request.messages().get(request.messages().size() - 1).text()))));
        }

        float[] vector(String text) {
            float[] v = new float[DIM];
            for (String w : text.toLowerCase().split("\\W+")) {
                v[Math.floorMod(w.hashCode(), DIM)] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < DIM; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }

    private static final class Recorder implements GatewayStreamListener {
        final List<ChatChunk> chunks = new ArrayList<>();
        RouteInfo started;
        RouteInfo completed;
        GatewayException error;

        @Override
        public void onStart(RouteInfo route) {
            started = route;
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void onComplete(RouteInfo route) {
            completed = route;
        }

        @Override
        public void onError(GatewayException e, boolean committed) {
            error = e;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (ChatChunk c : chunks) {
                if (!c.choices().isEmpty() && c.choices().get(0).delta().content() != null) {
                    sb.append(c.choices().get(0).delta().content());
                }
            }
            return sb.toString();
        }
    }
}
