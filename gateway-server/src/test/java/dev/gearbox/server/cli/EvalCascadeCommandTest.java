package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** eval-cascade end to end on a slice of the shared rows (24 GSM8K, 16 arena-bench), no network. */
class EvalCascadeCommandTest {

    @TempDir
    static Path dir;
    private static Path gsm8k;
    private static Path arena;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void findSlices() throws URISyntaxException {
        System.setProperty("java.awt.headless", "true");
        gsm8k = Path.of(EvalCascadeCommandTest.class.getResource("/eval-cascade/gsm8k-slice.jsonl").toURI());
        arena = Path.of(EvalCascadeCommandTest.class.getResource("/eval-cascade/arena-slice.jsonl").toURI());
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsCurvesPoliciesAndTheHybridPerSourceAndDrawsThePlot() throws IOException {
        Path outDir = dir.resolve("run");

        int code = run("eval-cascade", "--data", gsm8k.toString(), arena.toString(), "--out-dir", outDir.toString());

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("rows with weak_answer: 40 of 40",
                "== gsm8k: n=24, weak quality 0.500, strong quality 0.750",
                "== arena_bench_v1: n=16, weak quality 4.813, strong quality 7.563");
        List<String> lines = text.lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("\\s+answer_model\\s+p<0\\.35 \\*\\s+\\d+\\.\\d%\\s+\\d\\.\\d{3}"));
        assertThat(lines).anyMatch(l -> l.matches("\\s+arithmetic\\s+on\\s+\\d+\\.\\d%\\s+\\d\\.\\d{3}"));
        assertThat(lines).anyMatch(l -> l.matches("\\s+routing alone\\s+-?\\d\\.\\d{3}\\s+.*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s+hybrid \\(route \\+ cascade\\)\\s+-?\\d\\.\\d{3}\\s+.*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s+hybrid - routing alone: [+-]\\d\\.\\d{3} APGR; .*"));
        assertThat(lines).anyMatch(l -> l.startsWith("  100%"));
        assertThat(err.toString()).contains("routing      [", "answer model [", "40/40");
        BufferedImage image = ImageIO.read(outDir.resolve(EvalCascadeCommand.PLOT_FILE).toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);
    }

    @Test
    void aCascadeThatEscalatesMostAnswersIsWarnedAbout() {
        int code = run("eval-cascade", "--data", gsm8k.toString(), "--gates", "answer_model", "--answer-threshold", "0.99",
                "--out-dir", dir.resolve("warn").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("WARNING: gsm8k: the cascade escalates", "the start tier is too weak");
    }

    @Test
    void onlyTheProgrammaticGatesRunWithoutTheAnswerModel() {
        int code = run("eval-cascade", "--data", gsm8k.toString(), "--gates", "arithmetic,refusal",
                "--out-dir", dir.resolve("programmatic").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("gates: arithmetic, refusal").doesNotContain("answer_model");
        assertThat(err.toString()).doesNotContain("answer model [");
    }

    @Test
    void aGateThatNeedsTheNetworkOrAnUnknownGateIsRefusedByName() {
        assertThat(run("eval-cascade", "--data", gsm8k.toString(), "--gates", "judge")).isEqualTo(2);
        assertThat(run("eval-cascade", "--data", gsm8k.toString(), "--gates", "answer_model,nope")).isEqualTo(2);

        assertThat(err.toString()).contains("'judge' cannot run offline", "unknown gate 'nope'; choose from answer_model, empty")
                .doesNotContain("\tat ");
    }

    @Test
    void rowsWithoutAnswersOrABadThresholdFailWithExit2() throws IOException {
        Path noAnswers = Files.writeString(dir.resolve("plain.jsonl"), "{\"id\":\"x/1\",\"source\":\"x\",\"domain\":\"d\","
                + "\"scale\":\"binary\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"weak_score\":1,\"strong_score\":1}\n");

        assertThat(run("eval-cascade", "--data", noAnswers.toString())).isEqualTo(2);
        assertThat(run("eval-cascade", "--data", gsm8k.toString(), "--answer-threshold", "2")).isEqualTo(2);

        assertThat(err.toString()).contains("no rows with a weak_answer in", "--answer-threshold must be in [0,1], got 2.0");
    }
}
