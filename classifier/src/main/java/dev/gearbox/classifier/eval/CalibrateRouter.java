package dev.gearbox.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import dev.gearbox.classifier.runtime.CalibrationScores;
import dev.gearbox.classifier.runtime.EmbeddedRequestScorer;
import dev.gearbox.classifier.runtime.EmbeddedRouter;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a router model's calibration scores: the score of every calibration prompt's first user
 * turn, computed by the gateway's own scorer ({@link EmbeddedRequestScorer}). Target shares in the
 * config become thresholds on these scores, so rerun this whenever the model changes.
 *
 * <p>Usage, from {@code classifier/}: {@code CalibrateRouter [--model builtin|FILE] [--data FILE.jsonl]
 * [--out FILE]}. Defaults: the bundled model, {@code <shared data>/prompts/arena_hard.jsonl}, and
 * {@code src/main/resources/dev/gearbox/classifier/router-calibration.json} for the bundled model or
 * {@code FILE.calibration.json} next to a model file.
 */
public final class CalibrateRouter {
    static final Path BUNDLED_OUT = Path.of("src/main/resources" + CalibrationScores.BUNDLED);

    private CalibrateRouter() {
    }

    public static void main(String[] args) throws IOException {
        String model = option(args, "--model", RouterConfig.BUILTIN);
        Path data = Path.of(option(args, "--data", RoutingDataReader.dataDir().resolve("prompts/arena_hard.jsonl").toString()));
        Path out = Path.of(option(args, "--out", RouterConfig.BUILTIN.equals(model)
                ? BUNDLED_OUT.toString() : model + CalibrationScores.SUFFIX));
        long start = System.nanoTime();
        CalibrationScores scores = calibrate(model, prompts(data), data.getFileName().toString());
        try (OutputStream o = Files.newOutputStream(out)) {
            scores.write(o);
        }
        System.out.printf("%d scores of %s on %s -> %s in %.1f s%n", scores.scores().length, model, data, out,
                (System.nanoTime() - start) / 1e9);
    }

    /** The scores of {@code model} ({@code builtin} or a file) on the requests. */
    public static CalibrationScores calibrate(String model, List<ChatRequest> requests, String source) throws IOException {
        byte[] bytes = EmbeddedRouter.modelBytes(model);
        Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
        EmbeddedRequestScorer scorer = new EmbeddedRequestScorer(
                new RoutingClassifier(embedder, ModelCodec.read(new ByteArrayInputStream(bytes))),
                RequestClassifierFile.bundled());
        double[] values = new double[requests.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scorer.score(requests.get(i)).value();
        }
        return new CalibrationScores(EmbeddedRouter.sha256(bytes), source, values);
    }

    /** The first user turn of every prompt row ({@code {"messages": [...]}} per line). */
    static List<ChatRequest> prompts(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<ChatRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            for (JsonNode m : mapper.readTree(line).path("messages")) {
                if ("user".equals(m.path("role").asText())) {
                    requests.add(ChatRequest.of("auto", List.of(Message.of(Role.USER, m.path("content").asText()))));
                    break;
                }
            }
        }
        return requests;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
