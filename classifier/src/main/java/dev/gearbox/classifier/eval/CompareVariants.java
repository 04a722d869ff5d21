package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.metrics.RouterMetrics;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.RoutingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Compares variants of the chosen router's training, under the grouped and the row split:
 * candidate word-problem features appended to the signals, and source-balanced training (the rows
 * of small sources repeated so each source weighs about as much as MMLU in the LR and MLP fits;
 * kNN keeps one copy of every row). Nothing here is tuned on a test fold: each variant is fixed
 * in advance and scored out-of-fold. Usage: {@code CompareVariants [dataDir] [folds] [seed] [maxTokens]};
 * with a maxTokens other than the served bound only the baseline runs, on embeddings of inputs cut
 * to that many tokens (what a shorter bound costs in APGR).
 */
public final class CompareVariants {

    /** A small source is repeated up to this many times in the LR and MLP training sets. */
    private static final int MAX_REPEAT = 8;

    private CompareVariants() {
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        int maxTokens = args.length > 3 ? Integer.parseInt(args[3]) : Embedder.DEFAULT_MAX_TOKENS;
        boolean variants = maxTokens == Embedder.DEFAULT_MAX_TOKENS;
        List<Example> plain = CrossValidate.examples(rows, ChosenRouter.TARGET, maxTokens);
        List<Example> withMath = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Example e = plain.get(i);
            double[] extra = WordProblemFeatures.of(ConversationText.of(rows.get(i).firstTurnRequest()));
            double[] s = new double[e.signals().length + extra.length];
            System.arraycopy(e.signals(), 0, s, 0, e.signals().length);
            System.arraycopy(extra, 0, s, e.signals().length, extra.length);
            withMath.add(new Example(e.embedding(), s, e.target()));
        }
        int[] repeat = balancedRepeats(rows);
        List<String> sources = rows.stream().map(RoutingRow::source).distinct().toList();

        Map<String, int[]> splits = Folds.groupedAndRow(rows, k, seed);

        CrossValidate.printTableHeader("variant", sources);
        for (Map.Entry<String, int[]> split : splits.entrySet()) {
            int[] fold = split.getValue();
            double[] knn = CrossValidate.outOfFold(plain, fold, ChosenRouter.knn());
            Map<String, double[]> scored = new LinkedHashMap<>();
            scored.put("chosen blend, input <= " + maxTokens + " tokens", blend(knn, smooth(plain, fold, null)));
            if (variants) {
                scored.put("+ word-problem features", blend(knn, smooth(withMath, fold, null)));
                scored.put("+ source-balanced LR/MLP", blend(knn, smooth(plain, fold, repeat)));
                scored.put("+ both", blend(knn, smooth(withMath, fold, repeat)));
            }
            for (Map.Entry<String, double[]> v : scored.entrySet()) {
                System.out.print("| " + split.getKey() + " | " + v.getKey() + " |");
                for (String source : sources) {
                    RouterMetrics.Report r = CrossValidate.perSource(rows, v.getValue(), source);
                    System.out.printf(" %.3f | %.1f%% | %.1f%% |", r.apgr(), 100 * r.cpt50(), 100 * r.cpt80());
                }
                System.out.println();
                System.out.flush();
            }
        }
    }

    /** How often each row is repeated so every source totals about as many rows as the largest, capped. */
    static int[] balancedRepeats(List<RoutingRow> rows) {
        Map<String, Integer> size = new HashMap<>();
        rows.forEach(r -> size.merge(r.source(), 1, Integer::sum));
        int largest = size.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return rows.stream().mapToInt(r -> Math.min(MAX_REPEAT, Math.max(1, largest / size.get(r.source())))).toArray();
    }

    /** Out-of-fold scores of the LR + MLP half of the blend, training rows repeated as given (null: once). */
    private static double[] smooth(List<Example> examples, int[] fold, int[] repeat) {
        double[] lr = outOfFold(examples, fold, ChosenRouter.logisticRegression(), repeat);
        double[] mlp = outOfFold(examples, fold, ChosenRouter.mlp(), repeat);
        double[] out = new double[lr.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (lr[i] + mlp[i]) / 2;
        }
        return out;
    }

    private static double[] outOfFold(List<Example> examples, int[] fold, ModelFamily family, int[] repeat) {
        double[] scores = new double[examples.size()];
        for (int f = 0; f < Folds.count(fold); f++) {
            int current = f;
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != current) {
                    for (int r = 0; r < (repeat == null ? 1 : repeat[i]); r++) {
                        training.add(examples.get(i));
                    }
                }
            }
            RoutingModel model = family.fit(training);
            IntStream.range(0, examples.size()).parallel().filter(i -> fold[i] == current)
                    .forEach(i -> scores[i] = model.score(examples.get(i).embedding(), examples.get(i).signals()));
        }
        return scores;
    }

    private static double[] blend(double[] knn, double[] smooth) {
        double[] out = new double[knn.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = knn[i] / 3 + smooth[i] * 2 / 3;
        }
        return out;
    }
}
