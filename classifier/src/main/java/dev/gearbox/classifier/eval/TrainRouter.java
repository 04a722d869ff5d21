package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.train.RouterTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains the chosen router on every shared routing row and writes it, through the same
 * {@link RouterTrainer} as {@code gearbox train --data <dataDir>/routing --out <outFile>}.
 * Usage: {@code TrainRouter [dataDir] [outFile]}; the default output is the bundled model resource.
 */
public final class TrainRouter {

    private TrainRouter() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        Path out = args.length > 1 ? Path.of(args[1])
                : Path.of("src/main/resources/dev/gearbox/classifier/router-model.bin.gz");
        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            long start = System.nanoTime();
            RouterTrainer trainer = RouterTrainer.chosen(new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool), ChosenRouter.SEED);
            RoutingModel model = trainer.train(rows, Progress.NONE);
            RouterTrainer.write(model, out);
            System.out.printf("trained %s (target %s) on %d rows in %.1f s -> %s (%d bytes)%n", trainer.familyName(),
                    ChosenRouter.TARGET, rows.size(), (System.nanoTime() - start) / 1e9, out, Files.size(out));
        } finally {
            pool.shutdownNow();
        }
    }
}
