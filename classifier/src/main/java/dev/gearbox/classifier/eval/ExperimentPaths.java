package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.embed.Embedder;
import java.nio.file.Path;

/** Where offline experiments keep their files. */
public final class ExperimentPaths {

    private ExperimentPaths() {
    }

    /** The embedding cache for the default input bound, under the module's build folder. */
    public static Path defaultCache() {
        return cache(Embedder.DEFAULT_MAX_TOKENS);
    }

    /** The embedding cache for inputs cut to {@code maxTokens}. */
    static Path cache(int maxTokens) {
        return Path.of("target", "emb-cache", "minilm-q-wp-" + maxTokens + ".bin");
    }
}
