package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.embed.Embedder;
import java.nio.file.Path;

/** Where offline experiments keep their files. */
final class ExperimentPaths {

    private ExperimentPaths() {
    }

    /** The embedding cache for the default input bound, under the module's build folder. */
    static Path defaultCache() {
        return Path.of("target", "emb-cache", "minilm-q-" + Embedder.DEFAULT_MAX_TOKENS + ".bin");
    }
}
