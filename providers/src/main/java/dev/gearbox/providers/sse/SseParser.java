package dev.gearbox.providers.sse;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental {@code text/event-stream} parser (WHATWG SSE rules): fed byte chunks split anywhere
 * (mid-line, mid-CRLF, mid-UTF-8 character; lines are decoded only once complete), accepts LF, CRLF
 * and CR line ends, ignores comments, {@code id:} and {@code retry:} (Gearbox relays no reconnects),
 * and dispatches an {@link SseEvent} on each blank line. One parser per stream; not thread-safe.
 * An event over the size cap is an UPSTREAM_ERROR; the parser then drops that event and the rest of
 * its current line, and parses on from the next line.
 */
public final class SseParser {
    /**
     * Default cap on one event (its data so far plus the line being read), so a stream that never
     * sends a line end or a blank line cannot exhaust memory. Comment lines do not accumulate.
     */
    public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final int SCRATCH = 8192;

    private final Consumer<SseEvent> listener;
    private final int maxEventBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipLineFeed;
    private boolean firstLine = true;
    private boolean discardingLine;
    private String eventName;
    private String data;
    private byte[] scratch;

    public SseParser(Consumer<SseEvent> listener) {
        this(listener, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(Consumer<SseEvent> listener, int maxEventBytes) {
        this.listener = listener;
        this.maxEventBytes = maxEventBytes;
    }

    /** Consumes the buffer's readable bytes without moving its reader index; the caller keeps ownership. */
    public void feed(ByteBuf buf) {
        int index = buf.readerIndex();
        int remaining = buf.readableBytes();
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + index, remaining);
            return;
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH];
        }
        while (remaining > 0) {
            int n = Math.min(remaining, scratch.length);
            buf.getBytes(index, scratch, 0, n);
            feed(scratch, 0, n);
            index += n;
            remaining -= n;
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (skipLineFeed && i < end) {
            skipLineFeed = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        while (i < end) {
            int lineEnd = i;
            while (lineEnd < end && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            if (!discardingLine) {
                append(bytes, i, lineEnd - i);
            }
            if (lineEnd == end) {
                return;
            }
            boolean cr = bytes[lineEnd] == '\r';
            i = lineEnd + 1;
            if (cr) {
                if (i < end) {
                    if (bytes[i] == '\n') {
                        i++;
                    }
                } else {
                    skipLineFeed = true;
                }
            }
            if (discardingLine) {
                discardingLine = false;
            } else {
                processLine();
            }
        }
    }

    /**
     * Ends the stream. The spec drops an event not closed by a blank line; upstreams that close the
     * connection right after their last {@code data:} line are common, so a pending event is dispatched.
     */
    public void finish() {
        if (lineLength > 0 && !discardingLine) {
            processLine();
        }
        dispatch();
        skipLineFeed = false;
        discardingLine = false;
    }

    private void append(byte[] bytes, int from, int count) {
        if (count == 0) {
            return;
        }
        long pending = (long) lineLength + count + (data == null ? 0 : data.length());
        if (pending > maxEventBytes) {
            reset();
            discardingLine = true;
            throw GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 0,
                    "upstream returned an invalid response: stream event exceeds " + maxEventBytes + " bytes", null);
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(bytes, from, line, lineLength, count);
        lineLength += count;
    }

    private void processLine() {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        int length = lineLength - start;
        lineLength = 0;
        if (length == 0) {
            dispatch();
            return;
        }
        if (line[start] == ':') {
            return;
        }
        int colon = start;
        int end = start + length;
        while (colon < end && line[colon] != ':') {
            colon++;
        }
        int valueStart = colon < end ? colon + 1 : end;
        if (valueStart < end && line[valueStart] == ' ') {
            valueStart++;
        }
        if (fieldIs(start, colon, DATA)) {
            String value = new String(line, valueStart, end - valueStart, StandardCharsets.UTF_8);
            data = data == null ? value : data + "\n" + value;
        } else if (fieldIs(start, colon, EVENT)) {
            eventName = new String(line, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
    }

    private boolean fieldIs(int from, int to, byte[] name) {
        return Arrays.equals(line, from, to, name, 0, name.length);
    }

    private void dispatch() {
        String eventData = data;
        String name = eventName == null || eventName.isEmpty() ? SseEvent.DEFAULT_EVENT : eventName;
        reset();
        if (eventData != null) {
            listener.accept(new SseEvent(name, eventData));
        }
    }

    private void reset() {
        data = null;
        eventName = null;
        lineLength = 0;
    }
}
