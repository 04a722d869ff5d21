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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Issue 3's APGR experiments, each fixed before it was scored and scored out-of-fold under the
 * grouped and the row 5-fold split (seed 42, the folds of {@link CompareVariants}):
 * <ol>
 *   <li>lexical: a hashed unigram+bigram logistic regression as a fourth, equal blend member;</li>
 *   <li>request class: the predicted class one-hot appended to the LR and MLP signals;</li>
 *   <li>arena judge scores: arena rows' target averaged with the judged models' strong-half gap;</li>
 *   <li>stacked: blend weights over kNN, LR, MLP and lexical chosen per outer fold on nested
 *       out-of-fold scores of the training rows only ({@link NestedBlends});</li>
 *   <li>a pairwise (RankNet) ranker, alone and in place of LR;</li>
 *   <li>and 7. rank-average blends, with and without the lexical member;</li>
 *   <li>the lexical member's share alone chosen by nested folds.</li>
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
    /** Fold assignments of the robustness check: the first variants re-scored under each. */
    private static final long[] FOLD_SEEDS = {42, 1, 2, 3, 4, 5};

    private final List<RoutingRow> rows;
    private final List<String> sources;
    private final long seed;

    private CompareApgrVariants(List<RoutingRow> rows, long seed) {
        this.rows = rows;
        this.sources = rows.stream().map(RoutingRow::source).distinct().toList();
        this.seed = seed;
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        String mode = args.length > 3 ? args[3] : "round1";
        if (!List.of("round1", "round2", "seeds").contains(mode)) {
            throw new IllegalArgumentException("mode must be round1, round2 or seeds, got '" + mode + "'");
        }
        CompareApgrVariants experiments = new CompareApgrVariants(rows, seed);
        if ("seeds".equals(mode)) {
            experiments.foldSeeds(dataDir, k, FOLD_SEEDS);
        } else {
            experiments.run(dataDir, k, "round2".equals(mode));
        }
    }

    /** Every blend member the experiments use, built once over all rows. */
    private record Members(BlendMember knn, BlendMember lr, BlendMember mlp, BlendMember lex, BlendMember lrClass,
            BlendMember mlpClass, BlendMember knnJudge, BlendMember lrJudge, BlendMember mlpJudge, BlendMember rank) {
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
        BlendMember lex = (train, test) -> {
            SparseLogisticRegression m = SparseLogisticRegression.train(pick(bags, train),
                    targets(plain, train), bow.dimension(), LEXICAL_L2, LEXICAL_STEPS);
            return IntStream.of(test).mapToDouble(i -> m.score(bags.get(i))).toArray();
        };
        Map<String, Integer> sourceIds = new LinkedHashMap<>();
        int[] sourceOf = rows.stream().mapToInt(r -> sourceIds.computeIfAbsent(r.source(), x -> sourceIds.size())).toArray();
        BlendMember rank = (train, test) -> {
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
        NestedBlends nested = new NestedBlends(rows, seed);
        Map<String, int[]> splits = Folds.groupedAndRow(rows, k, seed);
        CrossValidate.printTableHeader("variant", sources);
        for (Map.Entry<String, int[]> split : splits.entrySet()) {
            int[] fold = split.getValue();
            boolean grouped = split.getKey().startsWith("grouped");
            double[] pKnn = timed("knn", () -> oof(ms.knn(), fold));
            double[] pLr = timed("lr", () -> oof(ms.lr(), fold));
            double[] pMlp = timed("mlp", () -> oof(ms.mlp(), fold));
            double[] pLex = timed("lexical", () -> oof(ms.lex(), fold));
            Map<String, double[]> scored = new LinkedHashMap<>();
            scored.put("chosen blend (knn+lr+mlp)/3, baseline", CrossValidate.average(pKnn, pLr, pMlp));
            scored.put("lexical LR alone (2^18 hashed uni+bigrams)", pLex);
            scored.put("1. + lexical member, (knn+lr+mlp+lex)/4", CrossValidate.average(pKnn, pLr, pMlp, pLex));
            print(split.getKey(), scored);
            scored.clear();
            if (!secondRound) {
                scored.put("2. + request-class one-hot in LR/MLP", CrossValidate.average(pKnn,
                        timed("lr+class", () -> oof(ms.lrClass(), fold)),
                        timed("mlp+class", () -> oof(ms.mlpClass(), fold))));
                scored.put("3. arena target averaged with judged-model gap", CrossValidate.average(
                        timed("knn judged", () -> oof(ms.knnJudge(), fold)),
                        timed("lr judged", () -> oof(ms.lrJudge(), fold)),
                        timed("mlp judged", () -> oof(ms.mlpJudge(), fold))));
                print(split.getKey(), scored);
                scored.clear();
            }
            double[][] outer = {pKnn, pLr, pMlp, pLex};
            long start = System.nanoTime();
            double[][][] inner = nested.innerScores(List.of(ms.knn(), ms.lr(), ms.mlp(), ms.lex()), fold, grouped);
            System.err.printf("inner scores: %.1f s%n", (System.nanoTime() - start) / 1e9);
            if (!secondRound) {
                scored.put("4. stacked knn/lr/mlp/lex, nested APGR grid", nested.stacked(inner, outer, fold, NestedBlends.simplexGrid(4)));
            } else {
                double[] pRank = timed("pairwise ranker", () -> oof(ms.rank(), fold));
                scored.put("5. pairwise ranker alone", pRank);
                scored.put("5. (knn+pairwise ranker+mlp)/3", CrossValidate.average(pKnn, pRank, pMlp));
                scored.put("6. rank-average knn/lr/mlp/lex", nested.rankAverage(inner, outer, fold, 4));
                scored.put("7. rank-average knn/lr/mlp", nested.rankAverage(inner, outer, fold, 3));
                scored.put("8. lexical share nested (0-0.5), rest equal", nested.stacked(inner, outer, fold, NestedBlends.lexicalShareGrid()));
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
                    double[] pKnn = oof(ms.knn(), fold);
                double[] pLr = oof(ms.lr(), fold);
                double[] pMlp = oof(ms.mlp(), fold);
                List<double[]> scored = List.of(
                        CrossValidate.average(pKnn, pLr, pMlp),
                        CrossValidate.average(pKnn, pLr, pMlp, oof(ms.lex(), fold)),
                        CrossValidate.average(pKnn, oof(ms.lrClass(), fold), oof(ms.mlpClass(), fold)),
                        CrossValidate.average(oof(ms.knnJudge(), fold), oof(ms.lrJudge(), fold),
                                oof(ms.mlpJudge(), fold)));
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

    /** Every row's out-of-fold score from {@code member}. */
    private double[] oof(BlendMember member, int[] fold) {
        return BlendMember.outOfFold(member, rows.size(), IntStream.range(0, rows.size()).toArray(), fold);
    }

    /** A dense family on fixed examples. */
    private static BlendMember dense(List<Example> examples, ModelFamily family) {
        return (train, test) -> {
            RoutingModel m = family.fit(pick(examples, train));
            return IntStream.of(test).parallel()
                    .mapToDouble(i -> m.score(examples.get(i).embedding(), examples.get(i).signals())).toArray();
        };
    }

    /** A dense family whose arena rows' targets come from the judge scores of the training rows. */
    private BlendMember judged(List<Example> plain, ArenaJudgeScores judge, ModelFamily family) {
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
            double[] s = Arrays.copyOf(e.signals(), e.signals().length + width);
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


    private static double[] timed(String what, Supplier<double[]> work) {
        long start = System.nanoTime();
        double[] out = work.get();
        System.err.printf("%s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return out;
    }
}
