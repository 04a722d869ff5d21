package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.metrics.RouterMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns routing scores into the README's metrics, one report per source, sources in first-seen order. */
public final class RouterEvaluator {

    /** The metrics of one source's rows. */
    public record SourceReport(String source, int n, RouterMetrics.Report report) {
    }

    private RouterEvaluator() {
    }

    public static List<SourceReport> perSource(List<RoutingRow> rows, double[] scores) {
        if (rows.size() != scores.length) {
            throw new IllegalArgumentException("one score per row needed: " + rows.size() + " rows, "
                    + scores.length + " scores");
        }
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySource.computeIfAbsent(rows.get(i).source(), s -> new ArrayList<>()).add(i);
        }
        List<SourceReport> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> source : bySource.entrySet()) {
            List<Integer> idx = source.getValue();
            double[] s = new double[idx.size()];
            double[] weak = new double[idx.size()];
            double[] strong = new double[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                RoutingRow row = rows.get(idx.get(j));
                s[j] = scores[idx.get(j)];
                weak[j] = row.weakScore();
                strong[j] = row.strongScore();
            }
            out.add(new SourceReport(source.getKey(), idx.size(), RouterMetrics.evaluate(s, weak, strong)));
        }
        return out;
    }
}
