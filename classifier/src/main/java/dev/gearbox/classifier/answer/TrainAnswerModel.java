package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains the shipped answer-quality model on the shared rows that carry a weak answer (GSM8K and
 * arena-bench) and writes it. Deterministic: the same data gives the same bytes.
 * Usage, from {@code classifier/}: {@code TrainAnswerModel [--out FILE] [DATA...]}: DATA are JSONL
 * files or folders (rows without {@code weak_answer} are skipped), by default {@link #DATA_FILES}
 * of the shared data folder; the default output is the bundled resource
 * {@value AnswerQualityModel#BUNDLED} under {@code src/main/resources}.
 */
public final class TrainAnswerModel {

    /** The shared files whose rows carry {@code weak_answer}. */
    public static final List<String> DATA_FILES = List.of("routing/gsm8k.train.jsonl", "routing/arena_bench_v1.jsonl");

    private TrainAnswerModel() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("src/main/resources" + AnswerQualityModel.BUNDLED);
        List<Path> data = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                data.add(Path.of(args[i]));
            }
        }
        if (data.isEmpty()) {
            DATA_FILES.forEach(f -> data.add(RoutingDataReader.dataDir().resolve(f)));
        }
        List<RoutingRow> rows = AnswerModelTrainer.usable(new RoutingDataReader().readFiles(data));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            long start = System.nanoTime();
            List<AnswerInput> inputs = new AnswerEmbeddings(new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool), null)
                    .inputs(rows, Progress.NONE);
            AnswerQualityModel model = AnswerModelTrainer.train(rows, inputs, AnswerModelTrainer.chosenFamily());
            AnswerModelTrainer.write(model, out);
            System.out.printf("trained the answer model on %d rows in %.1f s -> %s (%d bytes)%n", rows.size(),
                    (System.nanoTime() - start) / 1e9, out, Files.size(out));
        } finally {
            pool.shutdownNow();
        }
    }
}
