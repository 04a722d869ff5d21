package dev.gearbox.providers.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private static final String SAMPLE = "\uFEFF: keep-alive comment\r\n"
            + "data: {\"a\":\"h\u00e9llo \uD83C\uDF0D\"}\r\n\r\n"
            + "event: error\n"
            + "data:{\"e\":1}\n\n"
            + "data: line one\rdata: line two\r\r"
            + "id: 7\nretry: 100\ndata\n\n"
            + "event: ping\n\n"
            + "data:  two spaces\n"
            + "unknown: field\n"
            + "data: [DONE]\n\n";

    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("message", "{\"a\":\"h\u00e9llo \uD83C\uDF0D\"}"),
            new SseEvent("error", "{\"e\":1}"),
            new SseEvent("message", "line one\nline two"),
            new SseEvent("message", ""),
            new SseEvent("message", " two spaces\n[DONE]"));

    @Test
    void parsesAllLineEndingsCommentsFieldsAndMultiLineData() {
        assertThat(parse(bytes(SAMPLE))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void everySplitPositionGivesTheSameEvents() {
        byte[] sample = bytes(SAMPLE);
        for (int cut = 0; cut <= sample.length; cut++) {
            assertThat(parse(Arrays.copyOfRange(sample, 0, cut), Arrays.copyOfRange(sample, cut, sample.length)))
                    .as("split at byte %d", cut).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void byteByByteFeedingOfARecordedStreamGivesTheSameEvents() throws IOException {
        byte[] stream;
        try (InputStream in = getClass().getResourceAsStream("/openai/stream-tool-calls.sse")) {
            stream = in.readAllBytes();
        }
        List<SseEvent> whole = parse(stream);
        byte[][] single = new byte[stream.length][];
        for (int i = 0; i < stream.length; i++) {
            single[i] = new byte[] {stream[i]};
        }

        assertThat(whole).hasSize(7);
        assertThat(whole.get(6).isDone()).isTrue();
        assertThat(parse(single)).containsExactlyElementsOf(whole);
    }

    @Test
    void readsHeapAndDirectBuffersWithoutMovingTheReaderIndex() {
        byte[] sample = bytes(SAMPLE);
        ByteBuf direct = Unpooled.directBuffer().writeBytes(sample);
        ByteBuf heapSlice = Unpooled.wrappedBuffer(new byte[3], sample).slice(3, sample.length);
        List<SseEvent> fromDirect = new ArrayList<>();
        List<SseEvent> fromHeap = new ArrayList<>();
        try {
            SseParser a = new SseParser(fromDirect::add);
            a.feed(direct);
            a.finish();
            SseParser b = new SseParser(fromHeap::add);
            b.feed(heapSlice);
            b.finish();
            assertThat(direct.readerIndex()).isZero();
        } finally {
            direct.release();
        }
        assertThat(fromDirect).containsExactlyElementsOf(EXPECTED);
        assertThat(fromHeap).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aPendingEventIsDispatchedWhenTheStreamEndsWithoutABlankLine() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        parser.feed(bytes("data: {\"x\":1}\n\ndata: [DONE]"));
        assertThat(events).hasSize(1);
        parser.finish();

        assertThat(events).extracting(SseEvent::data).containsExactly("{\"x\":1}", "[DONE]");
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing() {
        assertThat(parse(bytes("\n\n: only a comment\n\nevent: x\n\n"))).isEmpty();
    }

    @Test
    void anOversizedEventIsAnUpstreamErrorAndTheParserRecovers() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, 16);

        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> parser.feed(bytes("data: " + "x".repeat(20))));
        parser.feed(bytes("x".repeat(30) + "\n\n"));
        parser.feed(bytes("data: ok\n\n"));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(events).containsExactly(new SseEvent("message", "ok"));
    }

    @Test
    void keepAliveCommentsNeverCountTowardsTheEventLimit() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, 16);

        for (int i = 0; i < 100; i++) {
            parser.feed(bytes(": keep-alive\n"));
        }
        parser.feed(bytes("data: fits\n\n"));

        assertThat(events).containsExactly(new SseEvent("message", "fits"));
    }

    private static List<SseEvent> parse(byte[]... chunks) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (byte[] chunk : chunks) {
            parser.feed(chunk);
        }
        parser.finish();
        return events;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
