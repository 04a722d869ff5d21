package dev.gearbox.benchmarks;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.providers.openai.OpenAiCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request half of every proxied call: the client's request read in, the upstream request
 * written out, for three realistic bodies. The answer half is {@link CodecAnswerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecRequestBenchmark {
    /** small: the load test's body; conversation: system prompt and six turns; full: every typed feature. */
    @Param({"small", "conversation", "full"})
    public String request;

    private final OpenAiCodec codec = new OpenAiCodec();
    private byte[] requestBody;
    private ChatRequest parsedRequest;

    @Setup
    public void setUp() {
        String json = switch (request) {
            case "small" -> Bodies.SMALL_REQUEST;
            case "conversation" -> Bodies.conversationRequest();
            case "full" -> Bodies.resource("request-full.json");
            default -> throw new IllegalArgumentException("unknown request body " + request);
        };
        requestBody = json.getBytes(StandardCharsets.UTF_8);
        parsedRequest = codec.readRequest(requestBody);
    }

    @Benchmark
    public ChatRequest readRequest() {
        return codec.readRequest(requestBody);
    }

    @Benchmark
    public byte[] writeRequest() {
        return codec.writeRequest(parsedRequest, "gpt-4o-mini");
    }
}
