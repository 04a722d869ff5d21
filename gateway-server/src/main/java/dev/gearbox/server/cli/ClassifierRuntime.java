package dev.gearbox.server.cli;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.Embedder;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedder and worker threads a classifier command runs on, sized to the machine's cores and
 * closed when the command ends.
 */
final class ClassifierRuntime implements AutoCloseable {

    private final ExecutorService workers;
    private final Embedder embedder;

    ClassifierRuntime() {
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "gearbox-classifier-cli");
            t.setDaemon(true);
            return t;
        });
        this.embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, workers);
    }

    Embedder embedder() {
        return embedder;
    }

    ExecutorService workers() {
        return workers;
    }

    /** The shipped router, or the one in {@code modelFile} when given. */
    RoutingClassifier classifier(Path modelFile) {
        return modelFile == null ? RoutingClassifier.bundled(embedder) : RoutingClassifier.fromFile(modelFile, embedder);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
