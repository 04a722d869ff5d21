package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.lexical.HashedBagOfWords;
import dev.gearbox.classifier.lexical.SparseVector;
import dev.gearbox.classifier.metrics.RouterMetrics;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.PairwiseRanker;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.model.SparseLogisticRegression;
import dev.gearbox.classifier.requestclass.RequestClass;
import dev.gearbox.classifier.requestclass.RequestClassifier;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Issue 3's APGR experiments, each fixed before it was scored and scored out-of-fold under the
 * grouped and the row 5-fold split (seed 42, the folds of {@link CompareVariants}):
 * <ol>
 *   <li>lexical: a hashed unigram+bigram logistic regression as a fourth, equal blend member;</li>
 *   <li>request class: the predicted class one-hot appended to the LR and MLP signals;</li>
 *   <li>arena judge scores: arena rows' target averaged with the 14-model strong-half gap;</li>
 *   <li>stacked: blend weights over kNN, LR, MLP and lexical chosen per outer fold by the mean
 *       per-source APGR of nested (inner 4-fold) out-of-fold scores of the training rows only.</li>
 * </ol>
 * Also prints the mean strong-minus-weak gap per predicted request class on each source.
 * Usage: {@code CompareApgrVariants [dataDir] [folds] [seed] [round1|round2|seeds]}: round1 runs
 * variants 1-4, round2 variants 5-8, seeds re-scores variants 1-3 under six fold assignments.
 */
public final class CompareApgrVariants {

    /** Hash buckets of the lexical model: 2^18, few collisions for ~10k prompts' vocabulary. */
    static final int LEXICAL_BITS = 18;
    static final double LEXICAL_L2 = 1e-4;
    static final int LEXICAL_STEPS = 300;
    static final int RANKER_EPOCHS = 20;
    static final double RANKER_L2 = 1e-3;
    private static final int INNER_FOLDS = 4;
    /** Fold assignments of the robustness check: the first variants re-scored under each. */
    private static final long[] FOLD_SEEDS = {42, 1, 2, 3, 4, 5};
    /** Grid step of the stacked blend's weights over the simplex. */
    private static final double GRID = 0.1;

    private final List<RoutingRow> rows;
    private final List<String> sources;
    private final long seed;

    private CompareApgrVariants(List<RoutingRow> rows, long seed) {
        this.rows = rows;
        this.sources = rows.stream().map(RoutingRow::source).distinct().toList();
        this.seed = seed;
    }

    /** Trains on the rows at {@code train} and returns scores for every row at {@code test} (parallel to it). */
    @FunctionalInterface
    interface Member {
        double[] fitAndScore(int[] train, int[] test);
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        String mode = args.length > 3 ? args[3] : "round1";
        CompareApgrVariants experiments = new CompareApgrVariants(rows, seed);
        if ("seeds".equals(mode)) {
            experiments.foldSeeds(dataDir, k, FOLD_SEEDS);
        } else {
            experiments.run(dataDir, k, "round2".equals(mode));
        }
    }

    /** Every blend member the experiments use, built once over all rows. */
    private record Members(Member knn, Member lr, Member mlp, Member lex, Member lrClass, Member mlpClass,
            Member knnJudge, Member lrJudge, Member mlpJudge, Member rank) {
    }

    private Members members(Path dataDir) {
        List<Example> plain = CrossValidate.examples(rows, ChosenRouter.TARGET);
        List<String> texts = rows.stream().map(r -> ConversationText.of(r.firstTurnRequest())).toList();
        HashedBagOfWords bow = new HashedBagOfWords(LEXICAL_BITS);
        List<SparseVector> bags = texts.stream().map(bow::of).toList();
        RequestClassifier classifier = RequestClassifierFile.bundled();
        List<RequestClass> classes = IntStream.range(0, rows.size())
                .mapToObj(i -> classifier.classify(texts.get(i), plain.get(i).embedding())).toList();
        List<Example> withClass = withClassOneHot(plain, classes);
        ArenaJudgeScores judge = ArenaJudgeScores.read(dataDir.resolve("routing").resolve("arena_bench_v1.jsonl"));
        printClassGaps(classes);
        Member lex = (train, test) -> {
            SparseLogisticRegression m = SparseLogisticRegression.train(pick(bags, train),
                    targets(plain, train), bow.dimension(), LEXICAL_L2, LEXICAL_STEPS);
            return IntStream.of(test).mapToDouble(i -> m.score(bags.get(i))).toArray();
        };
        Map<String, Integer> sourceIds = new LinkedHashMap<>();
        int[] sourceOf = rows.stream().mapToInt(r -> sourceIds.computeIfAbsent(r.source(), x -> sourceIds.size())).toArray();
        Member rank = (train, test) -> {
            RoutingModel m = PairwiseRanker.train(pick(plain, train), IntStream.of(train).map(i -> sourceOf[i]).toArray(),
                    RANKER_EPOCHS, RANKER_L2, new Random(seed));
            return IntStream.of(test).parallel()
                    .mapToDouble(i -> m.score(plain.get(i).embedding(), plain.get(i).signals())).toArray();
        };
        return new Members(dense(plain, ChosenRouter.knn()), dense(plain, ChosenRouter.logisticRegression()),
                dense(plain, ChosenRouter.mlp()), lex,
                dense(withClass, ChosenRouter.logisticRegression()), dense(withClass, ChosenRouter.mlp()),
                judged(plain, judge, ChosenRouter.knn()), judged(plain, judge, ChosenRouter.logisticRegression()),
                judged(plain, judge, ChosenRouter.mlp()), rank);
    }

    private void run(Path dataDir, int k, boolean secondRound) {
        Members ms = members(dataDir);
        Member knn = ms.knn();
        Member lr = ms.lr();
        Member mlp = ms.mlp();
        Member lex = ms.lex();
        Member lrClass = ms.lrClass();
        Member mlpClass = ms.mlpClass();
        Member knnJudge = ms.knnJudge();
        Member lrJudge = ms.lrJudge();
        Member mlpJudge = ms.mlpJudge();
        Member rank = ms.rank();
        List<Member> stackMembers = List.of(knn, lr, mlp, lex);
        Map<String, int[]> splits = new LinkedHashMap<>();
        splits.put("grouped " + k + "-fold", Folds.groupedKFold(rows, k, seed));
        splits.put("row " + k + "-fold", Folds.rowKFold(rows, k, seed));
        System.out.print("| split | variant |");
        sources.forEach(s -> System.out.print(" " + s + " APGR | CPT50 | CPT80 |"));
        System.out.println();
        System.out.println("|---|---|" + "---|---|---|".repeat(sources.size()));
        for (Map.Entry<String, int[]> split : splits.entrySet()) {
            int[] fold = split.getValue();
            boolean grouped = split.getKey().startsWith("grouped");
            int[] all = IntStream.range(0, rows.size()).toArray();
            double[] pKnn = timed("knn", () -> outOfFold(knn, all, fold));
            double[] pLr = timed("lr", () -> outOfFold(lr, all, fold));
            double[] pMlp = timed("mlp", () -> outOfFold(mlp, all, fold));
            double[] pLex = timed("lexical", () -> outOfFold(lex, all, fold));
            Map<String, double[]> scored = new LinkedHashMap<>();
            scored.put("chosen blend (knn+lr+mlp)/3, baseline", average(pKnn, pLr, pMlp));
            scored.put("lexical LR alone (2^18 hashed uni+bigrams)", pLex);
            scored.put("1. + lexical member, (knn+lr+mlp+lex)/4", average(pKnn, pLr, pMlp, pLex));
            print(split.getKey(), scored);
            scored.clear();
            if (!secondRound) {
                scored.put("2. + request-class one-hot in LR/MLP", average(pKnn,
                    timed("lr+class", () -> outOfFold(lrClass, all, fold)),
                    timed("mlp+class", () -> outOfFold(mlpClass, all, fold))));
            scored.put("3. arena target averaged with 14-model gap", average(
                    timed("knn judged", () -> outOfFold(knnJudge, all, fold)),
                    timed("lr judged", () -> outOfFold(lrJudge, all, fold)),
                    timed("mlp judged", () -> outOfFold(mlpJudge, all, fold))));
                print(split.getKey(), scored);
                scored.clear();
            }
            double[][] outer = {pKnn, pLr, pMlp, pLex};
            long start = System.nanoTime();
            double[][][] inner = innerScores(stackMembers, fold, grouped);
            System.err.printf("inner scores: %.1f s%n", (System.nanoTime() - start) / 1e9);
            if (!secondRound) {
                scored.put("4. stacked knn/lr/mlp/lex, nested APGR grid", stacked(inner, outer, fold, simplexGrid(4)));
            } else {
                double[] pRank = timed("pairwise ranker", () -> outOfFold(rank, all, fold));
                scored.put("5. pairwise ranker alone", pRank);
                scored.put("5. (knn+pairwise ranker+mlp)/3", average(pKnn, pRank, pMlp));
                scored.put("6. rank-average knn/lr/mlp/lex", rankAverage(inner, outer, fold, 4));
                scored.put("7. rank-average knn/lr/mlp", rankAverage(inner, outer, fold, 3));
                scored.put("8. lexical share nested (0-0.5), rest equal", stacked(inner, outer, fold, lexicalShareGrid()));
            }
            print(split.getKey(), scored);
        }
    }

    /**
     * Robustness of variants 1-3 to the fold assignment: APGR per source under several fold seeds
     * (the models' own seeds unchanged), then each variant's mean and standard deviation of its
     * difference to the baseline over the seeds, and on how many seeds it won.
     */
    private void foldSeeds(Path dataDir, int k, long[] foldSeeds) {
        Members ms = members(dataDir);
        List<String> variants = List.of("baseline", "1. + lexical member", "2. + request class", "3. arena judge-gap target");
        System.out.print("| split | fold seed | variant |");
        sources.forEach(src -> System.out.print(" " + src + " APGR |"));
        System.out.println();
        System.out.println("|---|---|---|" + "---|".repeat(sources.size()));
        for (boolean grouped : new boolean[] {true, false}) {
            String split = (grouped ? "grouped " : "row ") + k + "-fold";
            double[][][] apgr = new double[variants.size()][foldSeeds.length][];
            for (int si = 0; si < foldSeeds.length; si++) {
                int[] fold = grouped ? Folds.groupedKFold(rows, k, foldSeeds[si]) : Folds.rowKFold(rows, k, foldSeeds[si]);
                int[] all = IntStream.range(0, rows.size()).toArray();
                double[] pKnn = outOfFold(ms.knn(), all, fold);
                double[] pLr = outOfFold(ms.lr(), all, fold);
                double[] pMlp = outOfFold(ms.mlp(), all, fold);
                List<double[]> scored = List.of(
                        average(pKnn, pLr, pMlp),
                        average(pKnn, pLr, pMlp, outOfFold(ms.lex(), all, fold)),
                        average(pKnn, outOfFold(ms.lrClass(), all, fold), outOfFold(ms.mlpClass(), all, fold)),
                        average(outOfFold(ms.knnJudge(), all, fold), outOfFold(ms.lrJudge(), all, fold),
                                outOfFold(ms.mlpJudge(), all, fold)));
                for (int v = 0; v < variants.size(); v++) {
                    double[] scores = scored.get(v);
                    apgr[v][si] = sources.stream().mapToDouble(src -> CrossValidate.perSource(rows, scores, src).apgr()).toArray();
                    System.out.print("| " + split + " | " + foldSeeds[si] + " | " + variants.get(v) + " |");
                    for (double a : apgr[v][si]) {
                        System.out.printf(" %.3f |", a);
                    }
                    System.out.println();
                }
                System.out.flush();
            }
            printSeedSummary(split, variants, apgr);
        }
    }

    private void printSeedSummary(String split, List<String> variants, double[][][] apgr) {
        System.out.print("| " + split + " summary | variant |");
        sources.forEach(src -> System.out.print(" " + src + " mean APGR | diff to baseline, mean +- sd | seeds won |"));
        System.out.println();
        System.out.println("|---|---|" + "---|---|---|".repeat(sources.size()));
        int seeds = apgr[0].length;
        for (int v = 0; v < variants.size(); v++) {
            System.out.print("| " + split + " | " + variants.get(v) + " |");
            for (int j = 0; j < sources.size(); j++) {
                double mean = 0;
                double diff = 0;
                double sq = 0;
                int won = 0;
                for (int si = 0; si < seeds; si++) {
                    double d = apgr[v][si][j] - apgr[0][si][j];
                    mean += apgr[v][si][j] / seeds;
                    diff += d / seeds;
                    sq += d * d / seeds;
                    won += d > 0 ? 1 : 0;
                }
                double sd = Math.sqrt(Math.max(0, sq - diff * diff) * seeds / Math.max(1, seeds - 1));
                System.out.printf(" %.3f | %+.3f +- %.3f | %d/%d |", mean, diff, sd, won, seeds);
            }
            System.out.println();
        }
        System.out.println();
        System.out.flush();
    }

    /** A dense family on fixed examples. */
    private static Member dense(List<Example> examples, ModelFamily family) {
        return (train, test) -> {
            RoutingModel m = family.fit(pick(examples, train));
            return IntStream.of(test).parallel()
                    .mapToDouble(i -> m.score(examples.get(i).embedding(), examples.get(i).signals())).toArray();
        };
    }

    /** A dense family whose arena rows' targets come from the judge scores of the training rows. */
    private Member judged(List<Example> plain, ArenaJudgeScores judge, ModelFamily family) {
        return (train, test) -> {
            double[] y = judge.targets(rows, train);
            List<Example> training = new ArrayList<>(train.length);
            for (int i : train) {
                Example e = plain.get(i);
                training.add(new Example(e.embedding(), e.signals(), y[i]));
            }
            RoutingModel m = family.fit(training);
            return IntStream.of(test).parallel()
                    .mapToDouble(i -> m.score(plain.get(i).embedding(), plain.get(i).signals())).toArray();
        };
    }

    /** Scores for the rows at {@code subset}, each from a member trained on the subset's other folds; other rows 0. */
    private double[] outOfFold(Member member, int[] subset, int[] fold) {
        double[] scores = new double[rows.size()];
        for (int f = 0; f < Folds.count(fold); f++) {
            int current = f;
            int[] train = IntStream.of(subset).filter(i -> fold[i] != current).toArray();
            int[] test = IntStream.of(subset).filter(i -> fold[i] == current).toArray();
            if (test.length == 0 || train.length == 0) {
                continue;
            }
            double[] s = member.fitAndScore(train, test);
            for (int j = 0; j < test.length; j++) {
                scores[test[j]] = s[j];
            }
        }
        return scores;
    }

    /**
     * Per outer fold: inner folds over that fold's training rows only (same kind of split) and
     * every member's inner out-of-fold scores on them; indexed [outer fold][member][row].
     */
    private double[][][] innerScores(List<Member> members, int[] fold, boolean grouped) {
        double[][][] out = new double[Folds.count(fold)][][];
        for (int f = 0; f < out.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            List<RoutingRow> trainRows = IntStream.of(train).mapToObj(rows::get).toList();
            int[] innerLocal = grouped ? Folds.groupedKFold(trainRows, INNER_FOLDS, seed)
                    : Folds.rowKFold(trainRows, INNER_FOLDS, seed);
            int[] inner = new int[rows.size()];
            for (int j = 0; j < train.length; j++) {
                inner[train[j]] = innerLocal[j];
            }
            out[f] = new double[members.size()][];
            for (int m = 0; m < members.size(); m++) {
                out[f][m] = outOfFold(members.get(m), train, inner);
            }
        }
        return out;
    }

    /**
     * Per outer fold, the candidate weights with the best mean per-source APGR on the inner
     * scores of its training rows, applied to the members' outer scores of the held-out fold.
     */
    private double[] stacked(double[][][] inner, double[][] outer, int[] fold, List<double[]> candidates) {
        double[] out = new double[rows.size()];
        for (int f = 0; f < inner.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            double[] w = bestWeights(inner[f], train, candidates);
            System.err.printf("  outer fold %d weights %s%n", f, java.util.Arrays.toString(w));
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == current) {
                    for (int m = 0; m < w.length; m++) {
                        out[i] += w[m] * outer[m][i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Rank-average blend: each member's held-out score becomes its percentile among that member's
     * inner out-of-fold scores of the training rows (a fixed reference distribution, as a served
     * model would ship), and the percentiles are averaged, so no member dominates by its scale.
     */
    private double[] rankAverage(double[][][] inner, double[][] outer, int[] fold, int members) {
        double[] out = new double[rows.size()];
        for (int f = 0; f < inner.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            for (int m = 0; m < members; m++) {
                double[] innerM = inner[current][m];
                double[] reference = IntStream.of(train).mapToDouble(i -> innerM[i]).sorted().toArray();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] == current) {
                        out[i] += percentile(reference, outer[m][i]) / members;
                    }
                }
            }
        }
        return out;
    }

    /** The share of {@code sorted} below {@code v}, ties counted half. */
    static double percentile(double[] sorted, double v) {
        int lo = lowerBound(sorted, v);
        int hi = lo;
        while (hi < sorted.length && sorted[hi] == v) {
            hi++;
        }
        return (lo + (hi - lo) / 2.0) / sorted.length;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The grid point of the simplex maximizing the mean per-source APGR of the blended scores on {@code idx}. */
    private double[] bestWeights(double[][] scores, int[] idx, List<double[]> candidates) {
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double[] w : candidates) {
            double[] blended = new double[rows.size()];
            for (int i : idx) {
                for (int m = 0; m < w.length; m++) {
                    blended[i] += w[m] * scores[m][i];
                }
            }
            double value = meanApgr(blended, idx);
            if (value > bestValue) {
                bestValue = value;
                best = w;
            }
        }
        return best;
    }

    private double meanApgr(double[] scores, int[] idx) {
        double sum = 0;
        int n = 0;
        for (String source : sources) {
            int[] s = IntStream.of(idx).filter(i -> rows.get(i).source().equals(source)).toArray();
            if (s.length < 10) {
                continue;
            }
            sum += RouterMetrics.evaluate(IntStream.of(s).mapToDouble(i -> scores[i]).toArray(),
                    IntStream.of(s).mapToDouble(i -> rows.get(i).weakScore()).toArray(),
                    IntStream.of(s).mapToDouble(i -> rows.get(i).strongScore()).toArray()).apgr();
            n++;
        }
        return sum / n;
    }

    /** The grid points of the simplex over {@code parts} members, step {@link #GRID}. */
    static List<double[]> simplexGrid(int parts) {
        int steps = (int) Math.round(1 / GRID);
        List<double[]> out = new ArrayList<>();
        for (int[] c : compositions(steps, parts)) {
            out.add(IntStream.of(c).mapToDouble(v -> v / (double) steps).toArray());
        }
        return out;
    }

    /** Weights over kNN, LR, MLP, lexical: lexical 0 to 0.5 in steps of 0.1, the rest shared equally. */
    static List<double[]> lexicalShareGrid() {
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            double lex = t / 10.0;
            double rest = (1 - lex) / 3;
            out.add(new double[] {rest, rest, rest, lex});
        }
        return out;
    }

    /** Every way to write {@code total} as an ordered sum of {@code parts} non-negative integers. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        compose(new int[parts], 0, total, out);
        return out;
    }

    private static void compose(int[] prefix, int at, int left, List<int[]> out) {
        if (at == prefix.length - 1) {
            prefix[at] = left;
            out.add(prefix.clone());
            return;
        }
        for (int v = 0; v <= left; v++) {
            prefix[at] = v;
            compose(prefix, at + 1, left - v, out);
        }
    }

    private void printClassGaps(List<RequestClass> classes) {
        System.out.println("| source | predicted class | n | mean strong-weak | share strong > weak | share weak > strong |");
        System.out.println("|---|---|---|---|---|---|");
        for (String source : sources) {
            Map<RequestClass, double[]> acc = new EnumMap<>(RequestClass.class);
            for (int i = 0; i < rows.size(); i++) {
                RoutingRow r = rows.get(i);
                if (r.source().equals(source)) {
                    double[] a = acc.computeIfAbsent(classes.get(i), c -> new double[4]);
                    a[0]++;
                    a[1] += r.strongScore() - r.weakScore();
                    a[2] += r.strongScore() > r.weakScore() ? 1 : 0;
                    a[3] += r.weakScore() > r.strongScore() ? 1 : 0;
                }
            }
            acc.forEach((c, a) -> System.out.printf("| %s | %s | %d | %.3f | %.2f | %.2f |%n",
                    source, c.tag(), (int) a[0], a[1] / a[0], a[2] / a[0], a[3] / a[0]));
        }
        System.out.println();
    }

    private static List<Example> withClassOneHot(List<Example> plain, List<RequestClass> classes) {
        int width = RequestClass.values().length;
        List<Example> out = new ArrayList<>(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            Example e = plain.get(i);
            double[] s = java.util.Arrays.copyOf(e.signals(), e.signals().length + width);
            s[e.signals().length + classes.get(i).ordinal()] = 1;
            out.add(new Example(e.embedding(), s, e.target()));
        }
        return out;
    }

    private void print(String split, Map<String, double[]> scored) {
        for (Map.Entry<String, double[]> v : scored.entrySet()) {
            System.out.print("| " + split + " | " + v.getKey() + " |");
            for (String source : sources) {
                RouterMetrics.Report r = CrossValidate.perSource(rows, v.getValue(), source);
                System.out.printf(" %.3f | %.1f%% | %.1f%% |", r.apgr(), 100 * r.cpt50(), 100 * r.cpt80());
            }
            System.out.println();
        }
        System.out.flush();
    }

    private static <T> List<T> pick(List<T> all, int[] idx) {
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(all.get(i));
        }
        return out;
    }

    private static double[] targets(List<Example> examples, int[] idx) {
        return IntStream.of(idx).mapToDouble(i -> examples.get(i).target()).toArray();
    }

    private static double[] average(double[]... parts) {
        double[] out = new double[parts[0].length];
        for (double[] p : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p[i] / parts.length;
            }
        }
        return out;
    }

    private static double[] timed(String what, java.util.function.Supplier<double[]> work) {
        long start = System.nanoTime();
        double[] out = work.get();
        System.err.printf("%s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return out;
    }
}
