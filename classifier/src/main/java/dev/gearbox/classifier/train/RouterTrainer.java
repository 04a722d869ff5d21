package dev.gearbox.classifier.train;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.classifier.eval.ChosenRouter;
import dev.gearbox.classifier.eval.Target;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.signals.Signals;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a router from labeled routing rows, the way {@code gearbox train} and the shipped model do:
 * each row is routed on its first user turn, embedded and featurized exactly as the gateway does
 * for a live request, and fitted with the chosen family and target. Deterministic for a seed.
 */
public final class RouterTrainer {

    /** Rows embedded per batch: large enough to keep both cores busy, small enough for a smooth progress bar. */
    private static final int BATCH = 64;

    private final Embedder embedder;
    private final ModelFamily family;
    private final Target target;

    public RouterTrainer(Embedder embedder, ModelFamily family, Target target) {
        this.embedder = embedder;
        this.family = family;
        this.target = target;
    }

    /** The trainer of the shipped model ({@link ChosenRouter}) with this seed. */
    public static RouterTrainer chosen(Embedder embedder, long seed) {
        return new RouterTrainer(embedder, ChosenRouter.family(seed), ChosenRouter.TARGET);
    }

    public String familyName() {
        return family.name();
    }

    /** Embeds every row (reporting progress per batch) and fits the model. */
    public RoutingModel train(List<RoutingRow> rows, Progress progress) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        return family.fit(examples(rows, embed(rows, embedder, progress), target));
    }

    /** The text the gateway embeds for each row's first user turn, embedded in batches. */
    public static List<float[]> embed(List<RoutingRow> rows, Embedder embedder, Progress progress) {
        List<String> texts = rows.stream().map(r -> ConversationText.of(r.firstTurnRequest())).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        progress.advanced(0, texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            int to = Math.min(texts.size(), from + BATCH);
            out.addAll(embedder.embedAll(texts.subList(from, to)));
            progress.advanced(to, texts.size());
        }
        return out;
    }

    /** Training examples: each row's embedding, its request signals and its target. */
    public static List<Example> examples(List<RoutingRow> rows, List<float[]> embeddings, Target target) {
        if (rows.size() != embeddings.size()) {
            throw new IllegalArgumentException("one embedding per row needed: " + rows.size() + " rows, "
                    + embeddings.size() + " embeddings");
        }
        List<Example> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RoutingRow row = rows.get(i);
            out.add(new Example(embeddings.get(i), Signals.of(row.firstTurnRequest()).toFeatures(), target.of(row)));
        }
        return out;
    }

    /** Writes a model in the {@link ModelCodec} format, creating parent folders. */
    public static void write(RoutingModel model, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            ModelCodec.write(model, o);
        }
    }
}
