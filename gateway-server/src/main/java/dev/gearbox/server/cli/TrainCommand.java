package dev.gearbox.server.cli;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.ChosenRouter;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.train.RouterTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gearbox train --data FILE... --out MODEL}: trains the router the jar ships, from labeled rows. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Train a router model from routing rows (shared data format); deterministic for a seed.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", required = true,
            description = "JSONL files of routing rows, or folders of them.")
    private List<Path> data;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the model.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ChosenRouter.SEED,
            description = "Seed of the model's random initialization and shuffles (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            List<RoutingRow> rows = new RoutingDataReader().readFiles(data);
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

    private static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
