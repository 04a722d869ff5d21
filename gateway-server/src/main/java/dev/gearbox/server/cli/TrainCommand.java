package dev.gearbox.server.cli;

import dev.gearbox.classifier.data.DecisionLogReader;
import dev.gearbox.classifier.data.FeedbackRows;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.ChosenRouter;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.train.RouterTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gearbox train [--data FILE...] [--decision-log DIR...] --out MODEL}: trains the router the
 * jar ships, from labeled rows and/or from decision logs whose requests got feedback (the
 * active-learning loop; see {@link FeedbackRows} for how feedback becomes a label).
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Train a router model from routing rows (shared data format) and/or decision logs with "
                + "feedback; deterministic for a seed.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
            description = "JSONL files of routing rows, or folders of them.")
    private List<Path> data = List.of();

    @Option(names = "--decision-log", paramLabel = "DIR", arity = "1..*",
            description = "Decision-log folders or files (written with telemetry.decision_log.include_text: true);"
                    + " requests with feedback become training rows.")
    private List<Path> decisionLogs = List.of();

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the model.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ChosenRouter.SEED,
            description = "Seed of the model's random initialization and shuffles (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            List<RoutingRow> rows = rows(err);
            try (ClassifierRuntime runtime = new ClassifierRuntime()) {
                long start = System.nanoTime();
                RouterTrainer trainer = RouterTrainer.chosen(runtime.embedder(), seed);
                RoutingModel model = trainer.train(rows, new ProgressBar(err, "embedding"));
                RouterTrainer.write(model, out);
                PrintWriter o = spec.commandLine().getOut();
                o.printf("trained %s on %d rows in %.1f s -> %s (%d bytes)%n", trainer.familyName(), rows.size(),
                        (System.nanoTime() - start) / 1e9, out, size(out));
                o.flush();
            }
            return 0;
        });
    }

    private List<RoutingRow> rows(PrintWriter err) {
        if (data.isEmpty() && decisionLogs.isEmpty()) {
            throw new IllegalArgumentException("give --data FILE... and/or --decision-log DIR...");
        }
        List<RoutingRow> rows = new ArrayList<>(new RoutingDataReader().readFiles(data));
        if (!decisionLogs.isEmpty()) {
            FeedbackRows.Result fromLog = FeedbackRows.of(new DecisionLogReader().read(decisionLogs));
            if (fromLog.rows().isEmpty() && fromLog.withoutText() > 0) {
                throw new IllegalArgumentException(fromLog.withoutText() + " request(s) have feedback but were logged"
                        + " without their prompt; only logs written with telemetry.decision_log.include_text: true"
                        + " can become training rows");
            }
            err.printf("decision log: %d training row(s) from feedback; skipped %d without prompt text, %d without"
                            + " a decision line, %d about a frontier answer%n", fromLog.rows().size(),
                    fromLog.withoutText(), fromLog.withoutDecision(), fromLog.notAboutTheWeakModel());
            err.flush();
            rows.addAll(fromLog.rows());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows: the data files are empty and no logged request has"
                    + " usable feedback (POST /v1/feedback)");
        }
        return rows;
    }

    private static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
