package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.EmbeddingCache;
import dev.gearbox.classifier.embed.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * The embeddings the answer model needs for labeled rows: each row's prompt (the text the router
 * embeds, its first user turn) and its weak answer, computed in batches with progress, optionally
 * through an offline {@link EmbeddingCache}.
 */
public final class AnswerEmbeddings {

    private static final int BATCH = 64;

    private final Embedder embedder;
    private final EmbeddingCache cache;

    /** @param cache an offline cache, or null to embed every text */
    public AnswerEmbeddings(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    /** The model inputs of the rows, in order; every row must carry a weak answer. */
    public List<AnswerInput> inputs(List<RoutingRow> rows, Progress progress) {
        List<String> texts = new ArrayList<>(rows.size() * 2);
        for (RoutingRow row : rows) {
            if (!AnswerLabel.hasWeakAnswer(row)) {
                throw new IllegalArgumentException("row " + row.id() + " has no weak_answer");
            }
            texts.add(promptText(row));
            texts.add(row.weakAnswer());
        }
        List<float[]> vectors = embed(texts, progress);
        List<AnswerInput> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new AnswerInput(texts.get(2 * i), vectors.get(2 * i), texts.get(2 * i + 1), vectors.get(2 * i + 1)));
        }
        return out;
    }

    /** The text of a row the router embeds and the answer model reads as its prompt. */
    public static String promptText(RoutingRow row) {
        return ConversationText.of(row.firstTurnRequest());
    }

    private List<float[]> embed(List<String> texts, Progress progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        progress.advanced(0, texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            out.addAll(cache == null ? embedder.embedAll(batch) : cache.embedAll(batch, embedder));
            progress.advanced(from + batch.size(), texts.size());
        }
        return out;
    }
}
