package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.EmbeddingCache;
import dev.gearbox.classifier.metrics.RouterMetrics;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.LogisticRegression;
import dev.gearbox.classifier.model.Mlp;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.model.WeightedKnn;
import dev.gearbox.classifier.train.RouterTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Compares model families by cross-validation over the shared routing rows and prints, per split
 * and model, APGR / CPT(50%) / CPT(80%) for each source, as a markdown table.
 * Usage: {@code CrossValidate [dataDir] [folds] [seed] [hard|soft]}.
 */
public final class CrossValidate {

    private CrossValidate() {
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        Target target = args.length > 3 ? Target.valueOf(args[3].toUpperCase(Locale.ROOT)) : Target.SOFT;

        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        List<Example> examples = examples(rows, target);
        List<String> sources = rows.stream().map(RoutingRow::source).distinct().toList();

        List<ModelFamily> families = List.of(
                WeightedKnn.family(10, 1),
                ChosenRouter.knn(),
                WeightedKnn.family(100, 8),
                ChosenRouter.logisticRegression(),
                LogisticRegression.family(1e-2, 300),
                ChosenRouter.mlp());

        Map<String, int[]> splits = new LinkedHashMap<>();
        splits.put("grouped " + k + "-fold (source+domain)", Folds.groupedKFold(rows, k, seed));
        splits.put("leave-one-source-out", Folds.leaveOneSourceOut(rows));
        splits.put("row " + k + "-fold (unseen rows, seen sources)", Folds.rowKFold(rows, k, seed));

        System.out.printf("rows=%d target=%s seed=%d%n%n", rows.size(), target, seed);
        printTableHeader("model", sources);
        for (Map.Entry<String, int[]> split : splits.entrySet()) {
            Map<String, double[]> predictions = new LinkedHashMap<>();
            for (ModelFamily family : families) {
                long start = System.nanoTime();
                predictions.put(family.name(), outOfFold(examples, split.getValue(), family));
                System.err.printf("%s / %s: %.1f s%n", split.getKey(), family.name(), (System.nanoTime() - start) / 1e9);
            }
            double[] knn = predictions.get(ChosenRouter.knn().name());
            double[] lr = predictions.get(ChosenRouter.logisticRegression().name());
            double[] mlp = predictions.get(ChosenRouter.mlp().name());
            predictions.put("blend(knn50+logreg)/2", average(knn, lr));
            predictions.put("blend(logreg+mlp)/2 (no kNN scan)", average(lr, mlp));
            predictions.put("blend(knn50+logreg+mlp)/3 [chosen]", average(knn, lr, mlp));
            for (Map.Entry<String, double[]> p : predictions.entrySet()) {
                System.out.print("| " + split.getKey() + " | " + p.getKey() + " |");
                for (String source : sources) {
                    RouterMetrics.Report r = perSource(rows, p.getValue(), source);
                    System.out.printf(" %.3f | %.1f%% | %.1f%% |", r.apgr(), 100 * r.cpt50(), 100 * r.cpt80());
                }
                System.out.println();
            }
        }
    }

    /** Training examples built as {@code gearbox train} builds them, with embeddings read from the cache. */
    static List<Example> examples(List<RoutingRow> rows, Target target) {
        return examples(rows, target, Embedder.DEFAULT_MAX_TOKENS);
    }

    /** The same with the embedder's input cut to {@code maxTokens} (its own cache file). */
    static List<Example> examples(List<RoutingRow> rows, Target target, int maxTokens) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Embedder embedder = new Embedder(maxTokens, pool, 1);
            List<float[]> embeddings = EmbeddingCache.open(ExperimentPaths.cache(maxTokens)).embedAll(
                    rows.stream().map(r -> ConversationText.of(r.firstTurnRequest())).toList(), embedder);
            return RouterTrainer.examples(rows, embeddings, target);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each row's score from a model trained on the other folds. */
    static double[] outOfFold(List<Example> examples, int[] fold, ModelFamily family) {
        double[] scores = new double[examples.size()];
        for (int f = 0; f < Folds.count(fold); f++) {
            int current = f;
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != current) {
                    training.add(examples.get(i));
                }
            }
            RoutingModel model = family.fit(training);
            IntStream.range(0, examples.size()).parallel().filter(i -> fold[i] == current)
                    .forEach(i -> scores[i] = model.score(examples.get(i).embedding(), examples.get(i).signals()));
        }
        return scores;
    }

    static RouterMetrics.Report perSource(List<RoutingRow> rows, double[] scores, String source) {
        int[] idx = IntStream.range(0, rows.size()).filter(i -> rows.get(i).source().equals(source)).toArray();
        double[] s = new double[idx.length];
        double[] weak = new double[idx.length];
        double[] strong = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            s[j] = scores[idx[j]];
            weak[j] = rows.get(idx[j]).weakScore();
            strong[j] = rows.get(idx[j]).strongScore();
        }
        return RouterMetrics.evaluate(s, weak, strong);
    }

    /** The markdown header of a per-source APGR / CPT50 / CPT80 table. */
    static void printTableHeader(String rowKind, List<String> sources) {
        System.out.print("| split | " + rowKind + " |");
        sources.forEach(s -> System.out.print(" " + s + " APGR | CPT50 | CPT80 |"));
        System.out.println();
        System.out.println("|---|---|" + "---|---|---|".repeat(sources.size()));
    }

    static double[] average(double[]... parts) {
        double[] out = new double[parts[0].length];
        for (double[] p : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p[i] / parts.length;
            }
        }
        return out;
    }
}
