package dev.gearbox.server;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.runtime.ClassifierConversationEmbedder;
import dev.gearbox.config.CacheConfig;
import dev.gearbox.core.cache.CachingChatGateway;
import dev.gearbox.core.cache.ConversationEmbedder;
import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.metrics.GatewayMetrics;
import java.time.Clock;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the cache stage from the {@code cache} config: the caches (expiring by {@code clock}), the
 * request embedding shared with the router, and the single writer thread that inserts into the
 * semantic index off the event loops and the classifier threads.
 */
final class CacheSetup {
    /** Semantic stores waiting beyond this are dropped (the answer is simply not cached). */
    static final int WRITER_QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CacheSetup.class);
    private static final int WARM_UP_ROUNDS = 8;

    private CacheSetup() {
    }

    /** The caches the config turns on (both off without a {@code cache} section). */
    static ResponseCaches caches(CacheConfig config, Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        return ResponseCaches.create(config, Embedder.DIMENSION, ticker);
    }

    /** {@code routed} behind the cache stage, or as it is when both caches are off. */
    static ChatGateway decorate(ChatGateway routed, CacheConfig config, ResponseCaches caches,
                                ClassifierServices classifier, GatewayMetrics metrics, Deque<AutoCloseable> resources) {
        if (!config.enabled()) {
            return routed;
        }
        ConversationEmbedder embedder = new ConversationEmbedder() { // never asked: the semantic cache is off
            @Override
            public <T> CompletableFuture<T> embed(dev.gearbox.core.model.ChatRequest request,
                                                 Function<dev.gearbox.core.cache.PromptEmbedding, T> then) {
                return CompletableFuture.failedFuture(new IllegalStateException("the semantic cache is off"));
            }
        };
        ThreadPoolExecutor writer = null;
        if (config.semantic().enabled()) {
            ConversationEmbeddings embeddings = classifier.embeddings();
            warmUp(embeddings);
            embedder = new ClassifierConversationEmbedder(embeddings, classifier.executor());
            writer = writer();
            ThreadPoolExecutor started = writer;
            resources.push(() -> {
                started.shutdownNow();
                started.awaitTermination(2, TimeUnit.SECONDS);
            });
        }
        LOG.info("cache ready: exact {}, semantic {}", config.exact().enabled() ? "on" : "off",
                config.semantic().enabled() ? "on (threshold " + config.semantic().threshold() + ")" : "off");
        return new CachingChatGateway(routed, caches, config, embedder, writer == null ? Runnable::run : writer, metrics);
    }

    /** The first ONNX runs are slow; pay them before the port is bound (the router may already have). */
    private static void warmUp(ConversationEmbeddings embeddings) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            embeddings.of("How do I warm up the semantic cache, round " + i + "?");
        }
    }

    private static ThreadPoolExecutor writer() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WRITER_QUEUE), r -> {
            Thread t = new Thread(r, "gearbox-cache-writer");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }
}
