package dev.gearbox.benchmarks;

import dev.gearbox.providers.sse.SseParser;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing one whole upstream stream (200 content chunks, about 45 KB) as it arrives off the
 * network: in reads of {@code readBytes}, split anywhere, mid-line and mid-event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SseParserBenchmark {
    /** Size of each network read fed to the parser; 240 is about one event per read. */
    @Param({"240", "4096"})
    public int readBytes;

    private byte[] stream;

    @Setup
    public void setUp() {
        stream = Bodies.stream(200).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public void parseStream(Blackhole events) {
        SseParser parser = new SseParser(events::consume);
        for (int offset = 0; offset < stream.length; offset += readBytes) {
            parser.feed(stream, offset, Math.min(readBytes, stream.length - offset));
        }
        parser.finish();
    }
}
