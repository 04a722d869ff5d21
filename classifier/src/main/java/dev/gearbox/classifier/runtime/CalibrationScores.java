package dev.gearbox.classifier.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.routing.policy.ScoreDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A router model's scores on its calibration set, from which target shares become thresholds. Stored
 * as JSON next to the model: {@code {"model_sha256", "source", "scores": [sorted, 5 decimals]}}.
 * The hash ties the scores to one model file: scores of another model would put the thresholds in
 * the wrong place, so a mismatch is refused. Regenerate with {@code CalibrateRouter}.
 */
public record CalibrationScores(String modelSha256, String source, double[] scores) {
    /** The bundled model's calibration: its scores on the 1,250 arena-hard prompts. */
    public static final String BUNDLED = "/dev/gearbox/classifier/router-calibration.json";
    /** The calibration file of a model file {@code m} is {@code m + SUFFIX}. */
    public static final String SUFFIX = ".calibration.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public CalibrationScores {
        scores = scores.clone();
        Arrays.sort(scores);
    }

    public ScoreDistribution distribution() {
        return new ScoreDistribution(scores);
    }

    public static CalibrationScores read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode scores = root == null ? null : root.get("scores");
        if (scores == null || !scores.isArray() || scores.isEmpty() || !root.path("model_sha256").isTextual()) {
            throw new IOException("not a calibration file: needs model_sha256 and a non-empty scores list");
        }
        double[] values = new double[scores.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode s = scores.get(i);
            if (!s.isNumber() || s.asDouble() < 0 || s.asDouble() > 1) {
                throw new IOException("calibration score " + i + " is not a number in [0,1]");
            }
            values[i] = s.asDouble();
        }
        return new CalibrationScores(root.get("model_sha256").asText(), root.path("source").asText(""), values);
    }

    public void write(OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model_sha256", modelSha256);
        root.put("source", source);
        ArrayNode list = root.putArray("scores");
        for (double s : scores) {
            list.add(Math.round(s * 100_000) / 100_000.0);
        }
        JSON.writeValue(out, root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibrationScores c && c.modelSha256.equals(modelSha256) && c.source.equals(source)
                && Arrays.equals(c.scores, scores);
    }

    @Override
    public int hashCode() {
        return modelSha256.hashCode() * 31 + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "CalibrationScores[model_sha256=" + modelSha256 + ", source=" + source + ", n=" + scores.length + "]";
    }
}
