package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.server.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, score and eval end to end on a 40-row data file. */
class ClassifierCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOPICS = {"geometry", "history", "poetry", "chemistry", "law"};

    @TempDir
    static Path dir;
    private static Path rows;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeRows() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean hard = i % 2 == 0;
            String prompt = hard
                    ? "A train leaves at " + i + " km/h and another at " + (i + 30) + " km/h; after how many hours are they "
                    + (100 + i) + " km apart if they start 12 km apart?"
                    : "What is " + i + " plus 1?";
            lines.add(row("mathy/" + i, "mathy", "arithmetic", "binary", prompt, hard ? 0 : 1, 1));
        }
        for (int i = 0; i < 20; i++) {
            boolean hard = i % 2 == 0;
            String topic = TOPICS[i % TOPICS.length];
            String prompt = hard ? "Write a rigorous, detailed essay on open problems in " + topic + " number " + i
                    : "Say hello about " + topic + " " + i;
            lines.add(row("chatty/" + i, "chatty", topic, "1-10", prompt, hard ? 3 : 8, hard ? 9 : 8));
        }
        rows = Files.write(dir.resolve("rows.jsonl"), lines);
    }

    private static String row(String id, String source, String domain, String scale, String prompt, double weak,
                              double strong) throws IOException {
        ObjectNode row = JSON.createObjectNode().put("id", id).put("source", source).put("domain", domain)
                .put("scale", scale).put("weak_score", weak).put("strong_score", strong);
        row.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return JSON.writeValueAsString(row);
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void trainWritesAModelTheClassifierLoadsAndIsDeterministic() throws IOException {
        Path model = dir.resolve("models/a.bin.gz");
        Path again = dir.resolve("models/b.bin.gz");

        assertThat(run("train", "--data", rows.toString(), "--out", model.toString())).as(err.toString()).isZero();
        assertThat(run("train", "--data", rows.toString(), "--out", again.toString(), "--seed", "42")).isZero();

        assertThat(out.toString()).contains("on 40 rows", model.toString());
        assertThat(err.toString()).contains("embedding [", "40/40");
        assertThat(Files.readAllBytes(model)).isEqualTo(Files.readAllBytes(again));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            RoutingClassifier classifier = RoutingClassifier.fromFile(model, new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool));
            double p = classifier.strongProbability(ChatRequest.of("auto", List.of(Message.of(Role.USER, "What is 3 plus 1?"))));
            assertThat(p).isBetween(0.0, 1.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoreWritesOneIdAndScorePerRowInOrder() throws IOException {
        Path scores = dir.resolve("scores.jsonl");

        assertThat(run("score", "--data", rows.toString(), "--out", scores.toString())).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(40);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("id").asText()).isEqualTo("mathy/0");
        assertThat(lines).allSatisfy(line -> assertThat(JSON.readTree(line).path("score").asDouble(-1)).isBetween(0.0, 1.0));
        assertThat(JSON.readTree(lines.get(39)).path("id").asText()).isEqualTo("chatty/19");
    }

    @Test
    void evalPrintsThePerSourceTableAndDrawsThePlot() throws IOException {
        Path plot = dir.resolve("curve.png");

        assertThat(run("eval", "--data", rows.toString(), "--plot", plot.toString())).as(err.toString()).isZero();

        List<String> table = out.toString().lines().toList();
        assertThat(table.get(0)).containsSubsequence("source", "n", "weak", "strong", "APGR", "CPT(50%)", "CPT(80%)");
        assertThat(table.get(1)).matches("mathy\\s+20\\s+0\\.500\\s+1\\.000\\s+-?\\d\\.\\d{3}\\s+(\\d+\\.\\d%|n/a)\\s+(\\d+\\.\\d%|n/a)");
        assertThat(table.get(2)).matches("chatty\\s+20\\s+5\\.500\\s+8\\.500\\s+-?\\d\\.\\d{3}\\s+.*");
        assertThat(err.toString()).contains("40/40");
        BufferedImage image = ImageIO.read(plot.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);
    }

    @Test
    void aMissingDataFileFailsWithItsNameAndExit2() {
        int code = run("eval", "--data", dir.resolve("nope.jsonl").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope.jsonl: no such file or folder").doesNotContain("\tat ");
    }

    @Test
    void aMalformedRowFailsWithFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"x\", \"messages\": [\n");

        int code = run("score", "--data", bad.toString(), "--out", dir.resolve("s.jsonl").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.jsonl:1: not a RoutingRow");
    }
}
