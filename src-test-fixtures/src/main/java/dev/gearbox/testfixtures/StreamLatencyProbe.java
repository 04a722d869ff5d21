package dev.gearbox.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;

/**
 * Measures how long the first content chunk of a stream takes to get from the mock upstream to
 * a client through a relay: opens N sequential streaming requests (over a bare socket, see
 * {@link RawSseClient}) and, for each, takes the client's receive time of the first chunk with
 * content minus the chunk's {@code x_sent_us}. Run it directly against the mock too: that is the
 * client's own baseline, to subtract from the relayed figure.
 * Prints {@code first_chunk_relay_us n=.. p50=.. p99=.. max=..}.
 * <p>
 * {@code java -cp .. dev.gearbox.testfixtures.StreamLatencyProbe --url http://127.0.0.1:8080/v1/chat/completions
 * --model mock-ok [--requests 200] [--warmup 20] [--api-key KEY]}
 */
public final class StreamLatencyProbe {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The probe's result in microseconds. */
    public record Result(int samples, long p50, long p99, long max) {
        @Override
        public String toString() {
            return "first_chunk_relay_us n=" + samples + " p50=" + p50 + " p99=" + p99 + " max=" + max;
        }
    }

    private final URI url;
    private final String model;
    private final String apiKey;

    public StreamLatencyProbe(URI url, String model, String apiKey) {
        this.url = url;
        this.model = model;
        this.apiKey = apiKey;
    }

    public Result run(int warmup, int requests) throws IOException {
        for (int i = 0; i < warmup; i++) {
            firstChunkDelayMicros();
        }
        long[] delays = new long[requests];
        for (int i = 0; i < requests; i++) {
            delays[i] = firstChunkDelayMicros();
        }
        Arrays.sort(delays);
        return new Result(requests, percentile(delays, 0.50), percentile(delays, 0.99),
                requests == 0 ? 0 : delays[requests - 1]);
    }

    /** One streaming request: receive time of the first content chunk minus its send stamp. */
    long firstChunkDelayMicros() throws IOException {
        String body = "{\"model\":" + MAPPER.writeValueAsString(model) + ",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
        long[] delay = {-1};
        IOException[] problem = {null};
        RawSseClient.post(url, body, apiKey, line -> {
            long receivedAt = EpochMicros.now();
            if (delay[0] >= 0 || !line.startsWith("data: {")) {
                return true;
            }
            try {
                JsonNode chunk = MAPPER.readTree(line.substring(6));
                String content = chunk.path("choices").path(0).path("delta").path("content").asText("");
                if (content.isEmpty()) {
                    return true;
                }
                JsonNode sent = chunk.get(MockAnswers.SENT_AT_FIELD);
                if (sent == null) {
                    problem[0] = new IOException("the relay dropped the " + MockAnswers.SENT_AT_FIELD + " field");
                } else {
                    delay[0] = receivedAt - sent.asLong();
                }
            } catch (IOException e) {
                problem[0] = e;
            }
            return true; // read the stream to its end so the relay finishes the request normally
        });
        if (problem[0] != null) {
            throw problem[0];
        }
        if (delay[0] < 0) {
            throw new IOException("the stream had no content chunk");
        }
        return delay[0];
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String model = "ok";
        String apiKey = null;
        int requests = 200;
        int warmup = 20;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--model" -> model = args[i + 1];
                case "--api-key" -> apiKey = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (url == null || args.length % 2 != 0) {
            System.err.println("usage: StreamLatencyProbe --url URL [--model M] [--requests N] [--warmup N]"
                    + " [--api-key KEY]");
            System.exit(2);
        }
        System.out.println(new StreamLatencyProbe(URI.create(url), model, apiKey).run(warmup, requests));
    }
}
