package dev.gearbox.benchmarks;

import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.providers.openai.OpenAiCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The answer half of every proxied call: an upstream completion (with logprobs and usage details)
 * read in and written back to the client, and one stream chunk written, as bytes and as the SSE
 * event the relay sends.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecAnswerBenchmark {
    private final OpenAiCodec codec = new OpenAiCodec();
    private byte[] responseBody;
    private ChatResponse parsedResponse;
    private ChatChunk chunk;

    @Setup
    public void setUp() {
        responseBody = Bodies.resource("response.json").getBytes(StandardCharsets.UTF_8);
        parsedResponse = codec.readResponse(responseBody);
        String stream = Bodies.stream(1);
        int start = stream.indexOf("data: ", stream.indexOf("\n\n")) + "data: ".length();
        chunk = codec.readChunk(stream.substring(start, stream.indexOf("\n\n", start)));
    }

    @Benchmark
    public ChatResponse readResponse() {
        return codec.readResponse(responseBody);
    }

    @Benchmark
    public byte[] writeResponse() {
        return codec.writeResponse(parsedResponse);
    }

    @Benchmark
    public byte[] writeChunk() {
        return codec.writeChunk(chunk, true);
    }

    /** The relay's path: the chunk as an SSE event straight into a pooled buffer. */
    @Benchmark
    public int writeChunkEvent() {
        ByteBuf event = codec.writeChunkEvent(chunk, true, PooledByteBufAllocator.DEFAULT);
        int size = event.readableBytes();
        event.release();
        return size;
    }
}
