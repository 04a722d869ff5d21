package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the chosen router ({@link ChosenRouter}) on every shared routing row and writes it.
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
        List<Example> examples = CrossValidate.examples(rows, ChosenRouter.TARGET);
        long start = System.nanoTime();
        RoutingModel model = ChosenRouter.family().fit(examples);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            ModelCodec.write(model, o);
        }
        System.out.printf("trained %s (target %s) on %d rows in %.1f s -> %s (%d bytes)%n",
                ChosenRouter.family().name(), ChosenRouter.TARGET, rows.size(), (System.nanoTime() - start) / 1e9,
                out, Files.size(out));
    }
}
