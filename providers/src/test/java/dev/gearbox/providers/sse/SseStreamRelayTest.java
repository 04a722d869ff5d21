package dev.gearbox.providers.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.providers.http.BufferedResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SseStreamRelayTest {
    private static final DeploymentConfig DEPLOYMENT = new DeploymentConfig("up-1", ProviderKind.OPENAI,
            null, null, "m", null, null, Map.of(), null);

    private final Sink sink = new Sink();
    private final AtomicInteger cancels = new AtomicInteger();
    private final TextRelay relay = new TextRelay(sink, 64);

    @Test
    void eventsBecomeChunksAndTheTerminalEventCompletesOnce() {
        relay.attach(cancels::incrementAndGet);
        streamHeaders();
        body("data: a\n\ndata: b\n\ndata: END\n\n");
        relay.onEnd();

        assertThat(sink.ids()).containsExactly("a", "b");
        assertThat(sink.completions).isEqualTo(1);
        assertThat(sink.errors).isEmpty();
        assertThat(cancels).hasValue(0);
    }

    @Test
    void aLastEventWithoutItsBlankLineIsDispatchedWhenTheResponseEnds() {
        streamHeaders();
        body("data: a\n\ndata: END");
        relay.onEnd();

        assertThat(sink.ids()).containsExactly("a");
        assertThat(sink.completions).isEqualTo(1);
    }

    @Test
    void aStreamEndingBeforeItsTerminalEventIsCutWithTheChunkCount() {
        streamHeaders();
        body("data: a\n\ndata: b\n\n");
        relay.onEnd();
        relay.onError(new GatewayException(ErrorKind.UPSTREAM_ERROR, "late"));

        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
            assertThat(e.getMessage())
                    .isEqualTo("upstream up-1 stream ended before END after 2 chunks: the response ended");
        });
        assertThat(sink.completions).isZero();
    }

    @Test
    void aTransportErrorMidStreamIsACutStream() {
        streamHeaders();
        body("data: a\n\n");
        relay.onError(new GatewayException(ErrorKind.UPSTREAM_ERROR, "connection reset"));

        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("upstream up-1 stream ended before END after 1 chunks: connection reset");
    }

    @Test
    void aTransportErrorBeforeHeadersPassesAsItIs() {
        GatewayException refused = new GatewayException(ErrorKind.UPSTREAM_ERROR, "connection refused");
        relay.onError(refused);

        assertThat(sink.errors).containsExactly(refused);
    }

    @Test
    void anUnreadableEventFailsTheSinkAbortsTheCallAndSilencesTheRest() {
        relay.attach(cancels::incrementAndGet);
        streamHeaders();
        body("data: a\n\ndata: BAD\n\ndata: b\n\n");
        body("data: c\n\n");
        relay.onEnd();

        assertThat(sink.ids()).containsExactly("a");
        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("bad event");
        assertThat(cancels).hasValue(1);
    }

    @Test
    void anOversizedEventAbortsTheCall() {
        relay.attach(cancels::incrementAndGet);
        streamHeaders();
        body("data: " + "x".repeat(SseParser.DEFAULT_MAX_EVENT_BYTES));
        relay.onEnd();

        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).asString()
                .contains("stream event exceeds " + SseParser.DEFAULT_MAX_EVENT_BYTES + " bytes");
        assertThat(cancels).hasValue(1);
    }

    @Test
    void anErrorStatusIsReadWholeAndMapped() {
        relay.onHeaders(429, new DefaultHttpHeaders().add(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        body("{\"error\":");
        body("\"slow down\"}");
        relay.onEnd();

        assertThat(sink.ids()).isEmpty();
        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("answer 429: {\"error\":\"slow down\"}");
    }

    @Test
    void aSuccessThatIsNotAnEventStreamIsMappedToo() {
        relay.onHeaders(200, new DefaultHttpHeaders().add(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        body("data: a\n\n");
        relay.onEnd();

        assertThat(sink.ids()).isEmpty();
        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("answer 200: data: a\n\n");
    }

    @Test
    void anOversizedNonStreamAnswerAbortsTheCall() {
        TextRelay small = new TextRelay(sink, 8);
        small.attach(cancels::incrementAndGet);
        small.onHeaders(500, new DefaultHttpHeaders());
        feed(small, "0123456789");
        small.onEnd();

        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).asString()
                .contains("exceeds 8 bytes");
        assertThat(cancels).hasValue(1);
    }

    @Test
    void aCancelBeforeAttachCancelsTheCallOnAttachAndTheSinkHearsNothing() {
        relay.cancel();
        relay.attach(cancels::incrementAndGet);
        streamHeaders();
        body("data: a\n\ndata: END\n\n");
        relay.onEnd();
        relay.onError(new GatewayException(ErrorKind.UPSTREAM_ERROR, "closed"));

        assertThat(cancels).hasValue(1);
        assertThat(sink.ids()).isEmpty();
        assertThat(sink.completions).isZero();
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void nothingReachesTheSinkAfterACancelMidStream() {
        relay.attach(cancels::incrementAndGet);
        streamHeaders();
        body("data: a\n\n");
        relay.cancel();
        body("data: b\n\ndata: END\n\n");
        relay.onEnd();

        assertThat(cancels).hasValue(1);
        assertThat(sink.ids()).containsExactly("a");
        assertThat(sink.completions).isZero();
        assertThat(sink.errors).isEmpty();
    }

    private void streamHeaders() {
        relay.onHeaders(200, eventStream());
    }

    private static HttpHeaders eventStream() {
        return new DefaultHttpHeaders().add(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    }

    private void body(String text) {
        feed(relay, text);
    }

    private static void feed(SseStreamRelay target, String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            target.onBody(buf);
        } finally {
            buf.release();
        }
    }

    /** A minimal provider: {@code END} completes, {@code BAD} is unreadable, any other data is a chunk with that id. */
    private static final class TextRelay extends SseStreamRelay {
        TextRelay(ChunkSink sink, long maxErrorBodyBytes) {
            super(DEPLOYMENT, "END", sink, maxErrorBodyBytes);
        }

        @Override
        protected void onEvent(SseEvent event) {
            switch (event.data()) {
                case "END" -> complete();
                case "BAD" -> abort(new GatewayException(ErrorKind.UPSTREAM_ERROR, "bad event"));
                default -> emit(new ChatChunk(event.data(), 0, "m", List.of(), null, null, Map.of()));
            }
        }

        @Override
        protected GatewayException nonStreamAnswerError(BufferedResponse answer) {
            return new GatewayException(ErrorKind.UPSTREAM_ERROR, "answer " + answer.status() + ": " + answer.bodyText());
        }
    }

    private static final class Sink implements ChunkSink {
        final List<ChatChunk> chunks = new ArrayList<>();
        final List<GatewayException> errors = new ArrayList<>();
        int completions;

        @Override
        public void onChunk(ChatChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void onComplete() {
            completions++;
        }

        @Override
        public void onError(GatewayException error) {
            errors.add(error);
        }

        List<String> ids() {
            return chunks.stream().map(ChatChunk::id).toList();
        }
    }
}
