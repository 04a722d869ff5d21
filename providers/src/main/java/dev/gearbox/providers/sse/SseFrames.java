package dev.gearbox.providers.sse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Server-side SSE framing: {@code data: <payload>\n\n}, named events, and OpenAI's {@code [DONE]} sentinel. */
public final class SseFrames {
    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_PREFIX = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE_BYTES = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf DONE = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(DONE_BYTES).asReadOnly());

    private SseFrames() {
    }

    /** {@code data: <payload>\n\n}; a payload with line breaks becomes several {@code data:} lines. */
    public static byte[] frame(byte[] payload) {
        return eventFrame(null, payload);
    }

    /** {@code event: <name>\ndata: <payload>\n\n} (name omitted when null), e.g. the mid-stream {@code error} event. */
    public static byte[] eventFrame(String event, byte[] payload) {
        byte[] name = event == null ? null : event.getBytes(StandardCharsets.UTF_8);
        int size = framedSize(name, payload);
        byte[] out = new byte[size];
        int n = writeFrame(name, payload, out);
        return n == size ? out : Arrays.copyOf(out, n);
    }

    /** The same frame in a buffer from {@code alloc}; the caller owns (and releases) it. */
    public static ByteBuf frame(ByteBufAllocator alloc, byte[] payload) {
        byte[] framed = frame(payload);
        ByteBuf buf = alloc.buffer(framed.length);
        buf.writeBytes(framed);
        return buf;
    }

    /** Writes {@code data: } into {@code out}; with {@link #writeEventEnd} it frames JSON written in between. */
    public static void writeDataPrefix(ByteBuf out) {
        out.writeBytes(DATA_PREFIX);
    }

    /** Writes the {@code \n\n} that ends a single-line {@code data:} event. */
    public static void writeEventEnd(ByteBuf out) {
        out.writeByte('\n').writeByte('\n');
    }

    /** {@code data: [DONE]\n\n}, as a fresh view of a shared read-only buffer (releasing it is a no-op). */
    public static ByteBuf done() {
        return DONE.duplicate();
    }

    /** {@code data: [DONE]\n\n} as bytes (a copy). */
    public static byte[] doneBytes() {
        return DONE_BYTES.clone();
    }

    private static int framedSize(byte[] name, byte[] payload) {
        int lines = 1;
        for (byte b : payload) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        int size = lines * (DATA_PREFIX.length + 1) + payload.length + 1;
        return name == null ? size : size + EVENT_PREFIX.length + name.length + 1;
    }

    private static int writeFrame(byte[] name, byte[] payload, byte[] out) {
        int p = 0;
        if (name != null) {
            p = put(out, p, EVENT_PREFIX, 0, EVENT_PREFIX.length);
            p = put(out, p, name, 0, name.length);
            out[p++] = '\n';
        }
        int start = 0;
        for (int i = 0; i <= payload.length; i++) {
            boolean end = i == payload.length;
            if (end || payload[i] == '\n' || payload[i] == '\r') {
                p = put(out, p, DATA_PREFIX, 0, DATA_PREFIX.length);
                p = put(out, p, payload, start, i - start);
                out[p++] = '\n';
                if (!end && payload[i] == '\r' && i + 1 < payload.length && payload[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out[p++] = '\n';
        return p;
    }

    private static int put(byte[] out, int p, byte[] src, int from, int count) {
        System.arraycopy(src, from, out, p, count);
        return p + count;
    }
}
