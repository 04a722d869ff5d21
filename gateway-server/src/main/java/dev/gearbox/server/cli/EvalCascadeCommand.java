package dev.gearbox.server.cli;

import dev.gearbox.classifier.answer.AnswerModelGate;
import dev.gearbox.classifier.answer.AnswerModelTrainer;
import dev.gearbox.classifier.answer.AnswerQualityModel;
import dev.gearbox.classifier.cascade.CascadeEvaluation;
import dev.gearbox.classifier.cascade.GateRunner;
import dev.gearbox.classifier.cascade.GateScores;
import dev.gearbox.classifier.cascade.Setting;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.classifier.eval.CurvePlot;
import dev.gearbox.classifier.eval.RowScorer;
import dev.gearbox.classifier.runtime.EmbeddedRouter;
import dev.gearbox.classifier.runtime.RouterLoadException;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.Thresholds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gearbox eval-cascade --data FILE...}: runs the quality gates offline on rows that carry the
 * cheap model's recorded answer, sweeps each gate's setting, and prints per source the
 * quality-versus-escalation curve, APGR and CPT of each gate, of the whole cascade, of routing
 * alone (the router's score, as {@code gearbox eval} computes it) and of the hybrid (route with the
 * calibrated fast threshold, cascade the rows kept cheap). No network: the answers are the rows'.
 */
@Command(name = "eval-cascade", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Evaluate the cascade's quality gates offline on rows with weak_answer: quality versus escalation, "
                + "APGR and CPT next to routing alone and routing plus cascade.")
public final class EvalCascadeCommand implements Callable<Integer> {
    static final String PLOT_FILE = "eval-cascade.png";
    private static final String DEFAULT_GATES = "answer_model,empty,length,refusal,json,json_schema,tool_args,arithmetic";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", required = true,
            description = "JSONL files of labeled rows (those with weak_answer are used), or folders of them.")
    private List<Path> data;

    @Option(names = "--gates", paramLabel = "GATE", split = ",", defaultValue = DEFAULT_GATES,
            description = "The gates to run, in order (default: ${DEFAULT-VALUE}).")
    private List<String> gates;

    @Option(names = "--answer-threshold", paramLabel = "P", defaultValue = "" + AnswerModelGate.DEFAULT_THRESHOLD,
            description = "answer_model escalates below this P(good enough) (default: ${DEFAULT-VALUE}).")
    private double answerThreshold;

    @Option(names = "--answer-model", paramLabel = "FILE", description = "An answer model file (default: the shipped one).")
    private Path answerModel;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = RouterConfig.BUILTIN,
            description = "The router model, 'builtin' or a file with its .calibration.json (default: ${DEFAULT-VALUE}).")
    private String routerModel;

    @Option(names = "--fast-share", paramLabel = "S", description = "Share of the router's calibration prompts kept on "
            + "the cheap tier: the hybrid's routing split (default: the router's default, 0.5).")
    private Double fastShare;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where to write " + PLOT_FILE + " (default: the current folder).")
    private Path outDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + AnswerModelTrainer.SEED,
            description = "Seed of the folds that choose the hybrid blend (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            double share = fastShare != null ? fastShare : ((Thresholds.Shares) RouterConfig.DEFAULT_THRESHOLDS).fastShare();
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("--fast-share must be in [0,1], got " + share);
            }
            if (!(answerThreshold >= 0 && answerThreshold <= 1)) {
                throw new IllegalArgumentException("--answer-threshold must be in [0,1], got " + answerThreshold);
            }
            List<String> names = List.copyOf(new LinkedHashSet<>(gates));
            names.stream().filter(n -> !n.equals(AnswerModelGate.NAME)).forEach(OfflineGates::byName);
            List<RoutingRow> all = new RoutingDataReader().readFiles(data);
            List<RoutingRow> rows = AnswerModelTrainer.usable(all);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no rows with a weak_answer in " + data);
            }
            CascadeEvaluation.Result result;
            double fastBelow;
            try (ClassifierRuntime runtime = new ClassifierRuntime()) {
                EmbeddedRouter router = loadRouter(runtime);
                fastBelow = router.calibration().orElseThrow(() -> new IllegalArgumentException("--model: '" + routerModel
                        + "' has no calibration scores (" + routerModel + ".calibration.json); write them with "
                        + "dev.gearbox.classifier.eval.CalibrateRouter")).distribution().thresholdBelow(share);
                double[] routerScores = new RowScorer(r -> router.scorer().score(r).value(), runtime.workers())
                        .score(rows, new ProgressBar(err, "routing     "));
                List<GateScores> scores = new ArrayList<>();
                for (String name : names) {
                    scores.add(name.equals(AnswerModelGate.NAME)
                            ? answerModelScores(runtime, router, rows, new ProgressBar(err, "answer model"))
                            : GateRunner.onOff(OfflineGates.byName(name), rows, Progress.NONE));
                }
                result = CascadeEvaluation.evaluate(rows, routerScores, fastBelow, scores, chain(scores), seed);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("rows with weak_answer: %d of %d; gates: %s%n", rows.size(), all.size(), String.join(", ", names));
            CascadeTable.print(result, routerModel, share, fastBelow, out);
            Files.createDirectories(outDir);
            Path plot = outDir.resolve(PLOT_FILE);
            CurvePlot.writePng(CascadeEvaluation.plotted(result), plot);
            out.println("curve plot: " + plot);
            out.flush();
            return 0;
        });
    }

    private EmbeddedRouter loadRouter(ClassifierRuntime runtime) {
        try {
            return EmbeddedRouter.load(routerModel, runtime.embedder());
        } catch (RouterLoadException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^router\\.model", "--model"), e);
        }
    }

    private GateScores answerModelScores(ClassifierRuntime runtime, EmbeddedRouter router, List<RoutingRow> rows,
                                         Progress progress) {
        AnswerQualityModel model = answerModel == null ? AnswerQualityModel.bundled() : AnswerQualityModel.fromFile(answerModel);
        AnswerModelGate gate = new AnswerModelGate(model, runtime.embedder(), router.scorer()::embedding, answerThreshold,
                runtime.workers());
        double[] p = GateRunner.scores(rows, gate::probabilityGood, runtime.workers(), progress);
        return GateScores.probabilityGood(gate.name(), p, GateScores.PROBABILITY_THRESHOLDS, answerThreshold);
    }

    /** All gates together: the answer model's settings when it runs (the others stay on), else on/off. */
    private static GateScores chain(List<GateScores> scores) {
        GateScores swept = scores.stream().filter(s -> s.settings().size() > 1).findFirst().orElse(null);
        return swept == null
                ? GateScores.chain("cascade", scores, Setting.ON, List.of(Setting.ON))
                : GateScores.chain("cascade", scores, swept.defaultSetting(), swept.settings());
    }
}
