package dev.gearbox.core.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.Fixture;
import dev.gearbox.core.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFallbackExecutorTest {
    private static final ChatRequest REQUEST =
            ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi"))).withStream(true, false);

    private final Fixture f = Fixture.builder()
            .tier(Tier.FAST, "a1", "a2")
            .tier(Tier.BALANCED, "b1")
            .build();
    private final RecordingListener listener = new RecordingListener();

    private StreamHandle run(Tier tier) {
        return f.streamExecutor().execute(REQUEST, f.planner().plan(tier), listener);
    }

    @Test
    void startsThenRelaysEveryChunkThenCompletesOnce() {
        f.provider("a1").answer("one two");

        run(Tier.FAST);

        assertThat(listener.events).containsExactly("start:a1", "chunk:a1:one", "chunk:a1:two", "complete");
        assertThat(listener.started.attempts()).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
        assertThat(listener.completed.tier()).isEqualTo(Tier.FAST);
        assertThat(f.provider("a1").requests()).containsExactly(REQUEST);
    }

    @Test
    void anErrorBeforeTheFirstChunkFallsBackAndTheClientSeesOnlyTheAnsweringStream() {
        f.provider("a1").fail(Errors.unavailable());
        f.provider("a2").fail(Errors.rateLimited(Duration.ofSeconds(4)));
        f.provider("b1").answer("hello");

        run(Tier.FAST);

        assertThat(listener.events).containsExactly("start:b1", "chunk:b1:hello", "complete");
        assertThat(listener.started.attempts()).extracting(Attempt::deployment).containsExactly("a1", "a2", "b1");
        assertThat(listener.completed.tier()).isEqualTo(Tier.BALANCED);
        assertThat(listener.completed.upstreamNanos()).isPositive();
        assertThat(f.health.coolingUntil("a2")).contains(f.clock.instant().plusSeconds(4));
        assertThat(f.count("gearbox.fallbacks", "from_deployment", "a1", "cause", "upstream_unavailable")).isEqualTo(1);
    }

    @Test
    void anErrorAfterTheFirstChunkEndsTheStreamCommittedWithoutFallback() {
        f.provider("a1").chunksThenFail(2, Errors.serverError());

        run(Tier.FAST);

        assertThat(listener.events)
                .containsExactly("start:a1", "chunk:a1:part0", "chunk:a1:part1", "error:UPSTREAM_ERROR:true");
        assertThat(f.provider("a2").calls()).isZero();
        assertThat(f.count("gearbox.upstream.attempts", "deployment", "a1", "outcome", "upstream_error")).isEqualTo(1);
    }

    @Test
    void aNonRetryableErrorBeforeTheFirstChunkIsReturnedAsItIs() {
        f.provider("a1").fail(Errors.badRequest());

        run(Tier.FAST);

        assertThat(listener.events).containsExactly("error:INVALID_REQUEST:false");
        assertThat(listener.error.param()).isEqualTo("temperature");
        assertThat(f.provider("a2").calls()).isZero();
    }

    @Test
    void whenEveryAttemptFailsBeforeCommitTheErrorListsThem() {
        f.provider("a1").fail(Errors.timeout());
        f.provider("a2").fail(Errors.timeout());
        f.provider("b1").throwing(new IllegalStateException("bug"));

        run(Tier.FAST);

        assertThat(listener.events).containsExactly("error:INTERNAL:false");
        f.provider("b1").fail(Errors.timeout());
        f.provider("a1").fail(Errors.timeout());
        f.provider("a2").fail(Errors.timeout());
        listener.events.clear();

        run(Tier.FAST);

        assertThat(listener.events).containsExactly("error:UPSTREAM_TIMEOUT:false");
        assertThat(listener.error.getMessage()).startsWith("All 3 attempts failed: a1 (fast): first-byte timeout");
    }

    @Test
    void anUpstreamStreamWithNoChunkStillStartsAndCompletes() {
        f.provider("a1").hang();
        run(Tier.FAST);

        f.provider("a1").pendingSink().onComplete();

        assertThat(listener.events).containsExactly("start:a1", "complete");
    }

    @Test
    void cancelBeforeTheFirstChunkCancelsTheUpstreamAndEndsEverything() {
        f.provider("a1").hang();
        StreamHandle handle = run(Tier.FAST);
        ChunkSink sink = f.provider("a1").pendingSink();

        handle.cancel();
        sink.onError(Errors.unavailable());
        sink.onChunk(f.provider("a1").chunk("late"));

        assertThat(f.provider("a1").streamCancels()).isEqualTo(1);
        assertThat(f.provider("a2").calls()).isZero();
        assertThat(listener.events).isEmpty();
    }

    @Test
    void cancelAfterCommitStopsRelaying() {
        f.provider("a1").hang();
        StreamHandle handle = run(Tier.FAST);
        ChunkSink sink = f.provider("a1").pendingSink();
        sink.onChunk(f.provider("a1").chunk("first"));

        handle.cancel();
        handle.cancel();
        sink.onChunk(f.provider("a1").chunk("second"));
        sink.onComplete();

        assertThat(listener.events).containsExactly("start:a1", "chunk:a1:first");
        assertThat(f.provider("a1").streamCancels()).isEqualTo(2);
    }

    @Test
    void aProviderThatKeepsCallingAfterTheEndIsIgnored() {
        f.provider("a1").hang();
        f.provider("a2").answer("x");
        run(Tier.FAST);
        ChunkSink sink = f.provider("a1").pendingSink();

        sink.onChunk(f.provider("a1").chunk("first"));
        sink.onError(Errors.serverError());
        sink.onError(Errors.serverError());
        sink.onComplete();
        sink.onChunk(f.provider("a1").chunk("ghost"));

        assertThat(listener.events).containsExactly("start:a1", "chunk:a1:first", "error:UPSTREAM_ERROR:true");
        assertThat(listener.terminations()).isEqualTo(1);
        assertThat(f.provider("a2").calls()).isZero();
    }

    @Test
    void theErrorKindIsKeptForACommittedTimeout() {
        f.provider("a1").chunksThenFail(1, Errors.timeout());

        run(Tier.FAST);

        assertThat(listener.error.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
    }
}
