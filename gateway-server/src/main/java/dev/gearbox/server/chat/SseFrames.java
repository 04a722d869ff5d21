package dev.gearbox.server.chat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** Server-sent event frames as OpenAI streams them: {@code data: <json>\n\n}, ended by {@code data: [DONE]}. */
final class SseFrames {
    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    /** One {@code data:} event carrying {@code json}, which must be a single line (compact JSON is). */
    static ByteBuf data(ByteBufAllocator alloc, byte[] json) {
        ByteBuf frame = alloc.buffer(PREFIX.length + json.length + SUFFIX.length);
        return frame.writeBytes(PREFIX).writeBytes(json).writeBytes(SUFFIX);
    }

    static ByteBuf done(ByteBufAllocator alloc) {
        return data(alloc, DONE);
    }
}
