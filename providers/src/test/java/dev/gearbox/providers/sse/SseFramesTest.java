package dev.gearbox.providers.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    @Test
    void framesJsonAsOneDataLine() {
        assertThat(text(SseFrames.frame(bytes("{\"a\":1}")))).isEqualTo("data: {\"a\":1}\n\n");
    }

    @Test
    void framesNamedEvents() {
        assertThat(text(SseFrames.eventFrame("error", bytes("{\"error\":{}}"))))
                .isEqualTo("event: error\ndata: {\"error\":{}}\n\n");
    }

    @Test
    void payloadLineBreaksBecomeSeveralDataLinesThatParseBack() {
        byte[] framed = SseFrames.frame(bytes("one\ntwo\r\nthree\rfour"));
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(framed);

        assertThat(text(framed)).isEqualTo("data: one\ndata: two\ndata: three\ndata: four\n\n");
        assertThat(events).containsExactly(new SseEvent("message", "one\ntwo\nthree\nfour"));
    }

    @Test
    void doneIsTheOpenAiSentinel() {
        ByteBuf done = SseFrames.done();
        byte[] bytes = new byte[done.readableBytes()];
        done.readBytes(bytes);

        assertThat(text(bytes)).isEqualTo("data: [DONE]\n\n");
        assertThat(SseFrames.done().readableBytes()).as("each call is a fresh view").isEqualTo(bytes.length);
        assertThat(text(SseFrames.doneBytes())).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void framesIntoAnAllocatedBuffer() {
        ByteBuf buf = SseFrames.frame(ByteBufAllocator.DEFAULT, bytes("{}"));
        try {
            assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("data: {}\n\n");
        } finally {
            buf.release();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
