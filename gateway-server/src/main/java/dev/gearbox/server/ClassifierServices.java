package dev.gearbox.server;

import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.embed.Embedder;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the router and the semantic cache share: one {@link ConversationEmbeddings} (the ONNX model and
 * its content-hash cache, so a request is embedded once) and one bounded classifier executor. Each is
 * created on first use, so a configuration that needs neither loads no model.
 */
final class ClassifierServices {
    /** Classification is CPU-bound: two threads on the 2-core target leave the event loops room. */
    static final int CLASSIFIER_THREADS = 2;
    /** Requests waiting beyond this are not classified or semantically cached (they are served without). */
    static final int CLASSIFIER_QUEUE = 1024;

    private final Deque<AutoCloseable> resources;
    private final Runnable onModelRun;
    private ConversationEmbeddings embeddings;
    private ThreadPoolExecutor executor;

    /** @param resources where the executor's shutdown is pushed */
    ClassifierServices(Deque<AutoCloseable> resources) {
        this(resources, () -> { });
    }

    /** @param onModelRun called each time the embedding model runs (counted in {@code gearbox.embeddings}) */
    ClassifierServices(Deque<AutoCloseable> resources, Runnable onModelRun) {
        this.resources = resources;
        this.onModelRun = onModelRun;
    }

    synchronized ConversationEmbeddings embeddings() {
        if (embeddings == null) {
            embeddings = new ConversationEmbeddings(new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run),
                    ConversationEmbeddings.DEFAULT_CAPACITY, onModelRun);
        }
        return embeddings;
    }

    synchronized ThreadPoolExecutor executor() {
        if (executor == null) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor created = new ThreadPoolExecutor(CLASSIFIER_THREADS, CLASSIFIER_THREADS, 0,
                    TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(CLASSIFIER_QUEUE), r -> {
                        Thread t = new Thread(r, "gearbox-classifier-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
            resources.push(() -> {
                created.shutdownNow();
                created.awaitTermination(2, TimeUnit.SECONDS);
            });
            executor = created;
        }
        return executor;
    }
}
