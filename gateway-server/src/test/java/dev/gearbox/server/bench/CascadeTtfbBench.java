package dev.gearbox.server.bench;

import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.server.GearboxApp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the client's time to first byte of a streamed answer (the first {@code data:} line) in
 * three modes, against the built-in simulator with the default config's simulated speeds:
 * a routed stream (relayed chunk by chunk), a buffered cascade whose cheap answer is accepted, and
 * a buffered cascade that escalates once. Not a test: run on demand, e.g.
 * {@code java -cp "$(cat cp.txt):gateway-server/target/classes:gateway-server/target/test-classes"
 * dev.gearbox.server.bench.CascadeTtfbBench 20}. Prints median and p90 per mode.
 */
public final class CascadeTtfbBench {
    private static final String DEPLOYMENTS = """
            deployments:
              - name: sim-fast
                provider: simulator
                model: llama-3.3-70b
                simulator: {time_to_first_token: 120ms, tokens_per_second: 250, answer_tokens: 80, seed: 1}
              - name: sim-balanced
                provider: simulator
                model: mixtral-8x22b
                simulator: {time_to_first_token: 250ms, tokens_per_second: 120, answer_tokens: 120, seed: 2}
              - name: sim-frontier
                provider: simulator
                model: claude-sonnet-4
                simulator: {time_to_first_token: 500ms, tokens_per_second: 70, answer_tokens: 180, seed: 3}
            tiers:
              fast: {deployments: [sim-fast]}
              balanced: {deployments: [sim-balanced]}
              frontier: {deployments: [sim-frontier]}
            routing: {default_tier: fast}
            """;
    private static final String ACCEPTING = "cascade: {gates: [{type: empty}, {type: length}, {type: refusal}]}\n";
    // A pattern the simulator never writes: every answer is rejected, so the cascade escalates once.
    private static final String ESCALATING = "cascade: {ceiling_tier: balanced, gates: [{type: regex, must_match: '^#### '}]}\n";

    private CascadeTtfbBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "mode", "median ms", "p90 ms", "total ms");
        measure("routed stream (no cascade)", "", rounds);
        measure("buffered cascade, accepted on fast", ACCEPTING, rounds);
        measure("buffered cascade, escalated once", ESCALATING, rounds);
    }

    private static void measure(String mode, String cascade, int rounds) throws Exception {
        GearboxConfig parsed = ConfigLoader.parse(DEPLOYMENTS + cascade, Map.of(), "bench.yaml");
        GearboxConfig config = new GearboxConfig(new ServerConfig("127.0.0.1", 0, 1 << 20, Duration.ofSeconds(30), false),
                parsed.deployments(), parsed.tiers(), parsed.routing()).withCascade(parsed.cascade());
        try (GearboxApp app = GearboxApp.start(config)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI url = URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions");
            List<Double> firstByte = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            for (int i = -2; i < rounds; i++) { // two warm-up rounds
                double[] t = once(http, url, i);
                if (i >= 0) {
                    firstByte.add(t[0]);
                    total.add(t[1]);
                }
            }
            System.out.printf(Locale.ROOT, "%-34s %10.0f %10.0f %10.0f%n", mode, percentile(firstByte, 0.5),
                    percentile(firstByte, 0.9), percentile(total, 0.5));
        }
    }

    /** Milliseconds to the first {@code data:} line and to {@code [DONE]}. */
    private static double[] once(HttpClient http, URI url, int round) throws Exception {
        String body = "{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Explain how a heat pump works, round " + round + ".\"}]}";
        HttpRequest request = HttpRequest.newBuilder(url).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        double first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:") && first < 0) {
                    first = (System.nanoTime() - start) / 1e6;
                }
                if (line.equals("data: [DONE]")) {
                    break;
                }
            }
        }
        return new double[] {first, (System.nanoTime() - start) / 1e6};
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
