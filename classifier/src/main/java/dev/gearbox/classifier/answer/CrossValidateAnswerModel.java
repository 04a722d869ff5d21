package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.cascade.CascadeEvaluation;
import dev.gearbox.classifier.cascade.GateRunner;
import dev.gearbox.classifier.cascade.GateScores;
import dev.gearbox.classifier.cascade.HybridBlend;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.EmbeddingCache;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.classifier.eval.ChosenRouter;
import dev.gearbox.classifier.eval.ExperimentPaths;
import dev.gearbox.classifier.eval.Folds;
import dev.gearbox.classifier.eval.RouterEvaluator;
import dev.gearbox.classifier.eval.RowScorer;
import dev.gearbox.classifier.model.Blend;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.LogisticRegression;
import dev.gearbox.classifier.model.Mlp;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.runtime.EmbeddedRouter;
import dev.gearbox.classifier.train.RouterTrainer;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.Thresholds;
import dev.gearbox.core.cascade.gate.ArithmeticGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Chooses the answer-quality model honestly: every row's P(good enough) comes from a model trained
 * on other rows, under two splits (leave-one-source-out, which here is grouped by source and domain
 * since each source has one domain, and seeded row 5-fold: unseen rows of seen sources). Prints,
 * per split, family and source, the gate's APGR/CPT with 1 - P as its escalation score, and its
 * escalation rate and quality at the default threshold; then the out-of-fold gate next to the
 * shipped router and the hybrid. Usage, from {@code classifier/}:
 * {@code CrossValidateAnswerModel [dataDir] [seed]}.
 */
public final class CrossValidateAnswerModel {

    private CrossValidateAnswerModel() {
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        long seed = args.length > 1 ? Long.parseLong(args[1]) : AnswerModelTrainer.SEED;
        List<RoutingRow> rows = AnswerModelTrainer.usable(new RoutingDataReader().readFiles(List.of(
                dataDir.resolve("routing/gsm8k.train.jsonl"), dataDir.resolve("routing/arena_bench_v1.jsonl"))));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool);
            List<AnswerInput> inputs = new AnswerEmbeddings(embedder, EmbeddingCache.open(ExperimentPaths.defaultCache()))
                    .inputs(rows, Progress.NONE);
            int[] rowFolds = Folds.rowKFold(rows, 5, seed);
            double[] p = compareFamilies(rows, inputs, rowFolds, seed);

            double fastBelow = EmbeddedRouter.load(RouterConfig.BUILTIN, embedder).calibration().orElseThrow()
                    .distribution().thresholdBelow(((Thresholds.Shares) RouterConfig.DEFAULT_THRESHOLDS).fastShare());
            GateScores answerGate = GateScores.probabilityGood(AnswerModelGate.NAME, p, GateScores.PROBABILITY_THRESHOLDS,
                    AnswerModelGate.DEFAULT_THRESHOLD);
            GateScores arithmeticGate = GateRunner.onOff(new ArithmeticGate(ArithmeticGate.DEFAULT_TOLERANCE), rows, Progress.NONE);
            GateScores chain = GateScores.chain("answer_model+arithmetic", List.of(answerGate, arithmeticGate),
                    answerGate.defaultSetting(), answerGate.settings());

            RoutingClassifier shipped = RoutingClassifier.bundled(embedder);
            report("the shipped router (trained on these rows: in-sample)", rows,
                    new RowScorer(shipped, pool).score(rows, Progress.NONE), fastBelow, answerGate, arithmeticGate, chain, seed);
            report("out-of-fold router (the chosen family retrained without each fold; MMLU always in training)", rows,
                    outOfFoldRouter(dataDir, rows, rowFolds, embedder, seed), fastBelow, answerGate, arithmeticGate, chain, seed);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Prints every family's out-of-fold APGR/CPT and default escalation per split and source, and
     * returns the shipped family's out-of-fold P(good enough) on the row folds.
     */
    private static double[] compareFamilies(List<RoutingRow> rows, List<AnswerInput> inputs, int[] rowFolds, long seed) {
        List<Example> examples = AnswerModelTrainer.examples(rows, inputs);

        Map<String, ModelFamily> families = new LinkedHashMap<>();
        families.put("logreg(l2=1e-3)", LogisticRegression.family(1e-3, 300));
        ModelFamily shippedFamily = AnswerModelTrainer.chosenFamily();
        families.put("logreg(l2=1e-2) [chosen]", shippedFamily);
        families.put("logreg(l2=1e-1)", LogisticRegression.family(1e-1, 300));
        families.put("mlp(h=16)", Mlp.family(16, 20, 1e-4, seed));
        families.put("blend(logreg+mlp)", Blend.family(AnswerModelTrainer.chosenFamily(), Mlp.family(16, 20, 1e-4, seed), 0.5));
        families.put("signals only (logreg)", signalsOnly(AnswerModelTrainer.chosenFamily()));
        List<Example> relative = AnswerModelTrainer.examples(rows, inputs, AnswerLabel::relativeQuality);
        String relativeName = "logreg(l2=1e-2), relative-quality target";
        families.put(relativeName, AnswerModelTrainer.chosenFamily());

        Map<String, int[]> splits = new LinkedHashMap<>();
        splits.put("leave-one-source-out", Folds.leaveOneSourceOut(rows));
        splits.put("row 5-fold", rowFolds);

        System.out.printf(Locale.ROOT, "rows=%d seed=%d default threshold=%.2f%n%n", rows.size(), seed,
                AnswerModelGate.DEFAULT_THRESHOLD);
        System.out.println("| split | model | source | APGR | CPT(50%) | CPT(80%) | escalated @default | quality @default |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double[] chosen = null;
        for (Map.Entry<String, int[]> split : splits.entrySet()) {
            for (Map.Entry<String, ModelFamily> family : families.entrySet()) {
                double[] p = outOfFold(family.getKey().equals(relativeName) ? relative : examples, split.getValue(),
                        family.getValue());
                if (split.getValue() == rowFolds && family.getValue() == shippedFamily) {
                    chosen = p;
                }
                GateScores gate = GateScores.probabilityGood(AnswerModelGate.NAME, p, List.of(),
                        AnswerModelGate.DEFAULT_THRESHOLD);
                CascadeEvaluation.Result r = CascadeEvaluation.evaluate(rows, new double[rows.size()], 1.0,
                        List.of(gate), gate, seed);
                for (CascadeEvaluation.SourceResult s : r.sources()) {
                    CascadeEvaluation.GateResult g = s.gates().get(0);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.1f%% | %.1f%% | %.1f%% | %.3f |%n",
                            split.getKey(), family.getKey(), s.source(), g.asRouter().apgr(),
                            100 * g.asRouter().cpt50(), 100 * g.asRouter().cpt80(),
                            100 * g.atDefault().escalationRate(), g.atDefault().quality());
                }
            }
        }
        return chosen;
    }

    private static void report(String router, List<RoutingRow> rows, double[] routerScores, double fastBelow,
                               GateScores answerGate, GateScores arithmeticGate, GateScores chain, long seed) {
        CascadeEvaluation.Result r = CascadeEvaluation.evaluate(rows, routerScores, fastBelow,
                List.of(answerGate, arithmeticGate), chain, seed);
        System.out.printf(Locale.ROOT, "%nout-of-fold answer_model (row 5-fold) with %s; fast threshold %.4f%n", router, fastBelow);
        System.out.println("| source | router APGR | answer_model APGR | arithmetic escalated | chain APGR | hybrid APGR | hybrid - router"
                + " | routed strong | escalated of cheap | strong calls | hybrid quality |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (CascadeEvaluation.SourceResult s : r.sources()) {
            CascadeEvaluation.HybridDefault d = s.hybridDefault();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.1f%% | %.3f | %.3f | %+.3f | %.1f%% | %.1f%% | %.1f%% | %.3f |%n",
                    s.source(), s.router().apgr(), s.gates().get(0).asRouter().apgr(),
                    100 * s.gates().get(1).atDefault().escalationRate(),
                    s.chain().asRouter().apgr(), s.hybrid().apgr(), s.hybrid().apgr() - s.router().apgr(),
                    100 * d.routedStrongShare(), 100 * d.escalationRate(), 100 * d.point().escalationRate(), d.point().quality());
        }
        System.out.println("hybrid blend chosen per fold: " + r.hybridChoices().stream().map(HybridBlend.Candidate::name).toList());
        System.out.println("every blend on all rows (a landscape, not a result: chosen on the rows it is scored on):");
        double[] routerRank = HybridBlend.ranksWithinSource(rows, routerScores);
        double[] chainRank = HybridBlend.ranksWithinSource(rows, chain.escalation());
        for (HybridBlend.Candidate c : HybridBlend.CANDIDATES) {
            double[] blended = new double[rows.size()];
            for (int i = 0; i < blended.length; i++) {
                blended[i] = c.combine(routerRank[i], chainRank[i]);
            }
            System.out.println("  " + c.name() + ": " + RouterEvaluator.perSource(rows, blended).stream()
                    .map(s -> String.format(Locale.ROOT, "%s %.3f", s.source(), s.report().apgr())).toList());
        }
        for (CascadeEvaluation.SourceResult s : r.sources()) {
            System.out.println(s.source() + " chain curve: " + s.chain().curve().stream().map(pt -> String.format(Locale.ROOT,
                    "%s %.1f%% %.3f", pt.setting(), 100 * pt.escalationRate(), pt.quality())).toList());
        }
    }

    /**
     * Each answer row's router score from the chosen router family trained on every shared routing
     * row except that row's fold: the router has not seen the row, as on the held-out test set.
     */
    static double[] outOfFoldRouter(Path dataDir, List<RoutingRow> rows, int[] fold, Embedder embedder, long seed) {
        List<RoutingRow> all = new RoutingDataReader().readAll(dataDir);
        EmbeddingCache cache = EmbeddingCache.open(ExperimentPaths.defaultCache());
        List<Example> allExamples = RouterTrainer.examples(all, cache.embedAll(
                all.stream().map(AnswerEmbeddings::promptText).toList(), embedder), ChosenRouter.TARGET);
        List<Example> rowExamples = RouterTrainer.examples(rows, cache.embedAll(
                rows.stream().map(AnswerEmbeddings::promptText).toList(), embedder), ChosenRouter.TARGET);
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            foldOf.put(rows.get(i).id(), fold[i]);
        }
        double[] scores = new double[rows.size()];
        for (int f = 0; f < Folds.count(fold); f++) {
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Integer rowFold = foldOf.get(all.get(i).id());
                if (rowFold == null || rowFold != f) {
                    training.add(allExamples.get(i));
                }
            }
            RoutingModel model = ChosenRouter.family(seed).fit(training);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == f) {
                    scores[i] = model.score(rowExamples.get(i).embedding(), rowExamples.get(i).signals());
                }
            }
        }
        return scores;
    }

    /** Each row's P(good enough) from a model trained on the other folds. */
    static double[] outOfFold(List<Example> examples, int[] fold, ModelFamily family) {
        double[] p = new double[examples.size()];
        for (int f = 0; f < Folds.count(fold); f++) {
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    training.add(examples.get(i));
                }
            }
            RoutingModel model = family.fit(training);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    p[i] = model.score(examples.get(i).embedding(), examples.get(i).signals());
                }
            }
        }
        return p;
    }

    /** The family fitted without the embeddings: how much the text signals carry alone. */
    private static ModelFamily signalsOnly(ModelFamily family) {
        return new ModelFamily() {
            @Override
            public String name() {
                return "signals only " + family.name();
            }

            @Override
            public RoutingModel fit(List<Example> training) {
                RoutingModel m = family.fit(training.stream()
                        .map(e -> new Example(new float[0], e.signals(), e.target())).toList());
                return (embedding, signals) -> m.score(new float[0], signals);
            }
        };
    }
}
