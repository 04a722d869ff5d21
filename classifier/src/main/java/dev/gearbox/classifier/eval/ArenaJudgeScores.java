package dev.gearbox.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.data.RoutingRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge scores of every model on each arena_bench_v1 prompt (the rows' {@code scores} field),
 * and a training target built from them: the weak-to-strong gain averaged with the gap between
 * the stronger and the weaker half of the judged models on that prompt, a less noisy estimate of
 * "model strength matters here" than one pair of answers. Model strength is each model's mean
 * score over the training rows only, so no test row's label ranks the models.
 */
final class ArenaJudgeScores {

    private final Map<String, Map<String, Double>> byId;

    private ArenaJudgeScores(Map<String, Map<String, Double>> byId) {
        this.byId = byId;
    }

    /** Reads the {@code scores} of every row of a routing file (rows without scores are skipped). */
    static ArenaJudgeScores read(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, Double>> byId = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = mapper.readTree(line);
                JsonNode scores = row.get("scores");
                if (scores != null && scores.isObject()) {
                    Map<String, Double> s = new LinkedHashMap<>();
                    scores.fields().forEachRemaining(e -> s.put(e.getKey(), e.getValue().asDouble()));
                    byId.put(row.get("id").asText(), s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ArenaJudgeScores(byId);
    }

    boolean has(RoutingRow row) {
        return byId.containsKey(row.id());
    }

    /**
     * Targets for every row: GAIN, except rows with judge scores, whose gain is averaged with the
     * strong-half-minus-weak-half gap (halves by strength measured on the {@code training} rows).
     */
    double[] targets(List<RoutingRow> rows, int[] training) {
        Map<String, double[]> sums = new HashMap<>();
        for (int i : training) {
            Map<String, Double> s = byId.get(rows.get(i).id());
            if (s != null) {
                s.forEach((model, score) -> {
                    double[] acc = sums.computeIfAbsent(model, m -> new double[2]);
                    acc[0] += score;
                    acc[1]++;
                });
            }
        }
        Map<String, Double> strength = new HashMap<>();
        sums.forEach((model, acc) -> strength.put(model, acc[0] / acc[1]));
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            RoutingRow row = rows.get(i);
            double gain = Target.GAIN.of(row);
            Map<String, Double> s = byId.get(row.id());
            out[i] = s == null || strength.isEmpty() ? gain : (gain + gapTarget(s, strength)) / 2;
        }
        return out;
    }

    /** The stronger half's mean score minus the weaker half's, on the 1-10 scale, mapped like GAIN to [0,1]. */
    private static double gapTarget(Map<String, Double> scores, Map<String, Double> strength) {
        List<String> models = new ArrayList<>(scores.keySet());
        models.removeIf(m -> !strength.containsKey(m));
        if (models.size() < 2) {
            return 0.5;
        }
        models.sort((a, b) -> Double.compare(strength.get(b), strength.get(a)));
        int half = models.size() / 2;
        double top = 0;
        double bottom = 0;
        for (int j = 0; j < half; j++) {
            top += scores.get(models.get(j));
            bottom += scores.get(models.get(models.size() - 1 - j));
        }
        return ((top - bottom) / half / 9 + 1) / 2;
    }
}
