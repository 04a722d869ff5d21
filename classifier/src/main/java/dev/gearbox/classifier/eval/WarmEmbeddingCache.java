package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.EmbeddingCache;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Embeds every shared routing row into the offline cache, so experiments start in seconds.
 * Usage: {@code WarmEmbeddingCache [dataDir] [cacheFile]}.
 */
public final class WarmEmbeddingCache {

    private WarmEmbeddingCache() {
    }

    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        Path cacheFile = args.length > 1 ? Path.of(args[1]) : ExperimentPaths.defaultCache();
        List<RoutingRow> rows = new RoutingDataReader().readAll(dataDir);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool);
            EmbeddingCache cache = EmbeddingCache.open(cacheFile);
            long start = System.nanoTime();
            cache.embedAll(rows.stream().map(r -> ConversationText.of(r.firstTurnRequest())).toList(), embedder);
            System.out.printf("%d rows, %d cached embeddings in %s (%.1f s)%n", rows.size(), cache.size(), cacheFile,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
