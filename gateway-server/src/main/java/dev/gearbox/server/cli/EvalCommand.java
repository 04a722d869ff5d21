package dev.gearbox.server.cli;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.CurvePlot;
import dev.gearbox.classifier.eval.RouterEvaluator;
import dev.gearbox.classifier.eval.RowScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gearbox eval --data FILE...}: scores labeled rows with the router and prints, per source,
 * n, weak and strong quality, APGR, CPT(50%) and CPT(80%), and draws the curves as a PNG.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Evaluate the router on labeled rows: per-source APGR and CPT, and the routing curve as a PNG.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", required = true,
            description = "JSONL files of labeled routing rows, or folders of them.")
    private List<Path> data;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model written by train (default: the shipped model).")
    private Path model;

    @Option(names = "--plot", paramLabel = "PNG", defaultValue = "gearbox-eval.png",
            description = "Where to draw the routing curves (default: ${DEFAULT-VALUE}).")
    private Path plot;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            List<RoutingRow> rows = new RoutingDataReader().readFiles(data);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no rows in " + data);
            }
            double[] scores;
            try (ClassifierRuntime runtime = new ClassifierRuntime()) {
                scores = new RowScorer(runtime.classifier(model), runtime.workers())
                        .score(rows, new ProgressBar(err, "embedding"));
            }
            List<RouterEvaluator.SourceReport> reports = RouterEvaluator.perSource(rows, scores);
            PrintWriter out = spec.commandLine().getOut();
            EvalTable.print(reports, out);
            CurvePlot.writePng(reports, plot);
            out.println("curve plot: " + plot);
            out.flush();
            return 0;
        });
    }
}
