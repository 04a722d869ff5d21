package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.server.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gearbox report} on a small log, and {@code gearbox train --decision-log} from feedback. */
class TelemetryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static DecisionLine decision(String id, String cls, String tier, double cost, double baseline,
                                         boolean withText, int i) {
        return new DecisionLine(id, "2026-11-24T10:00:00Z", "t", "auto", false, "ok", null, cls, 0.5, 0.1, null, tier,
                tier + "-1", "route", null, null, null, List.of(), new DecisionLine.Latency(100 + i, 90 + i, 10, null),
                20L, 40L, cost, baseline, "frontier-1",
                withText ? List.of(new DecisionLine.PromptMessage("user", (i % 2 == 0
                        ? "Prove that there are infinitely many primes of the form 4k+3, step " + i
                        : "Say hi number " + i))) : null,
                withText ? "answer " + i : null);
    }

    private static Path writeLog(String name, boolean withText) throws IOException {
        Path log = Files.createDirectories(dir.resolve(name));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = name + "-" + i;
            lines.add(JSON.writeValueAsString(decision(id, i < 8 ? "code" : "chat", i % 2 == 0 ? "frontier" : "fast",
                    i % 2 == 0 ? 0.004 : 0.0005, 0.004, withText, i)));
            lines.add(JSON.writeValueAsString(new FeedbackLine(id, "2026-11-24T11:00:00Z", "t", null,
                    i % 2 == 0 ? "frontier" : "good", null)));
        }
        Files.write(log.resolve("decisions-2026-11-24.0.jsonl"), lines);
        return log;
    }

    @Test
    void reportPrintsEveryClassAndDrawsThePng() throws IOException {
        Path log = writeLog("report", false);
        Path png = dir.resolve("charts/report.png");

        assertThat(run("report", "--log", log.toString(), "--out", png.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("12 requests, 12 feedback, 0 shadow comparisons");
        assertThat(out.toString().lines()).anySatisfy(l -> assertThat(l).startsWith("code").contains("50.0%"))
                .anySatisfy(l -> assertThat(l).startsWith("all"));
        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
    }

    @Test
    void reportOnAMissingFolderFailsWithExit2() {
        assertThat(run("report", "--log", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no decision log at");
    }

    @Test
    void trainLearnsFromFeedbackInALogWrittenWithText() throws IOException {
        Path log = writeLog("with-text", true);
        Path model = dir.resolve("model.bin.gz");

        assertThat(run("train", "--decision-log", log.toString(), "--out", model.toString())).as(err.toString()).isZero();

        assertThat(err.toString()).contains("decision log: 12 training row(s) from feedback");
        assertThat(out.toString()).contains("on 12 rows");
        assertThat(model).isNotEmptyFile();
    }

    @Test
    void trainExplainsThatALogWithoutTextCannotBeUsed() throws IOException {
        Path log = writeLog("without-text", false);

        assertThat(run("train", "--decision-log", log.toString(), "--out", dir.resolve("m.bin.gz").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("12 request(s) have feedback but were logged without their prompt")
                .contains("include_text: true");
    }

    @Test
    void trainNeedsSomeInput() {
        assertThat(run("train", "--out", dir.resolve("m.bin.gz").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give --data FILE... and/or --decision-log DIR...");
    }
}
