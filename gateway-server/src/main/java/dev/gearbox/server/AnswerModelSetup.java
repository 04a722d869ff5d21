package dev.gearbox.server;

import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.answer.AnswerModelGate;
import dev.gearbox.classifier.answer.AnswerQualityModel;
import dev.gearbox.config.GateConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.core.cascade.QualityGate;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the cascade's {@code answer_model} gate when the config has one: the answer-quality model
 * shipped in the classifier jar, the sentence embedder the router and the semantic cache share (so
 * the prompt's embedding is the one already computed for routing), and a small bounded executor, since
 * embedding an answer is CPU work that must never run on an event loop. A check that finds the
 * executor full abstains (the answer stands) rather than queueing without bound.
 */
final class AnswerModelSetup {
    static final int THREADS = 1;
    static final int QUEUE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AnswerModelSetup.class);

    private AnswerModelSetup() {
    }

    /** The gate builder, or null when no enabled cascade uses the gate; the executor is pushed onto {@code resources}. */
    static Function<GateConfig.AnswerModel, QualityGate> create(GearboxConfig config, Deque<AutoCloseable> resources,
                                                                ClassifierServices classifier) {
        boolean wanted = config.cascade().enabled()
                && config.cascade().gates().stream().anyMatch(g -> g instanceof GateConfig.AnswerModel);
        if (!wanted) {
            return null;
        }
        long start = System.nanoTime();
        AnswerQualityModel model = AnswerQualityModel.bundled();
        ConversationEmbeddings embeddings = classifier.embeddings();
        ThreadPoolExecutor executor = executor();
        resources.push(() -> {
            executor.shutdownNow();
            executor.awaitTermination(2, TimeUnit.SECONDS);
        });
        LOG.info("answer-quality model ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        return gate -> new AnswerModelGate(model, embeddings.embedder(), embeddings::of, gate.threshold(), executor);
    }

    private static ThreadPoolExecutor executor() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "gearbox-answer-model-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }
}
