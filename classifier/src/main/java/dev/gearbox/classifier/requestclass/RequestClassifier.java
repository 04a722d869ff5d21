package dev.gearbox.classifier.requestclass;

import dev.gearbox.classifier.embed.TokenCounter;
import dev.gearbox.classifier.signals.SignalWindow;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Predicts a request's class. Extraction and chat have no labeled data, so two rules decide them
 * first (long material with an extraction verb; a short greeting or small talk); otherwise the
 * nearest class centroid of the embedding wins, and OTHER when no centroid is close enough.
 */
public final class RequestClassifier {

    private static final Pattern EXTRACTION = Pattern.compile(
            "\\b(extract|summari[sz]e|list (all|every)|find all|parse|pull out|tl;?dr|key points)\\b");
    private static final Pattern CHAT = Pattern.compile(
            "^(hi|hello|hey|thanks|thank you|good (morning|evening|night)|how are you|what's up|bye)\\b.*");
    private static final int EXTRACTION_MIN_TOKENS = 200;
    private static final int CHAT_MAX_TOKENS = 12;

    private final Map<RequestClass, float[]> centroids;
    private final double minSimilarity;

    /**
     * @param centroids     unit-length mean embedding per learned class
     * @param minSimilarity below this cosine to every centroid, the request is OTHER
     */
    public RequestClassifier(Map<RequestClass, float[]> centroids, double minSimilarity) {
        if (centroids.isEmpty()) {
            throw new IllegalArgumentException("need at least one class centroid");
        }
        this.centroids = new EnumMap<>(centroids);
        this.minSimilarity = minSimilarity;
    }

    /** Learns centroids from labeled embeddings (the label list parallel to the embeddings). */
    public static RequestClassifier train(List<float[]> embeddings, List<RequestClass> labels, double minSimilarity) {
        Map<RequestClass, double[]> sums = new EnumMap<>(RequestClass.class);
        for (int i = 0; i < embeddings.size(); i++) {
            double[] sum = sums.computeIfAbsent(labels.get(i), c -> new double[embeddings.get(0).length]);
            float[] e = embeddings.get(i);
            for (int j = 0; j < e.length; j++) {
                sum[j] += e[j];
            }
        }
        Map<RequestClass, float[]> centroids = new EnumMap<>(RequestClass.class);
        sums.forEach((c, sum) -> centroids.put(c, unit(sum)));
        return new RequestClassifier(centroids, minSimilarity);
    }

    public Map<RequestClass, float[]> centroids() {
        return Map.copyOf(centroids);
    }

    public double minSimilarity() {
        return minSimilarity;
    }

    /** The class of a prompt (its routing text) with its normalized embedding. */
    public RequestClass classify(String prompt, float[] embedding) {
        // the rules read the prompt's two ends, so a 200k-token prompt costs what an 8k-character one does
        SignalWindow window = SignalWindow.of(prompt.strip());
        String lower = window.text().toLowerCase(Locale.ROOT);
        int tokens = window.scaled(TokenCounter.count(window.text()));
        if (tokens >= EXTRACTION_MIN_TOKENS && EXTRACTION.matcher(lower).find()) {
            return RequestClass.EXTRACTION;
        }
        if (tokens <= CHAT_MAX_TOKENS && CHAT.matcher(lower).matches()) {
            return RequestClass.CHAT;
        }
        RequestClass best = RequestClass.OTHER;
        double bestSim = minSimilarity;
        for (Map.Entry<RequestClass, float[]> c : centroids.entrySet()) {
            double sim = 0;
            for (int j = 0; j < embedding.length; j++) {
                sim += embedding[j] * c.getValue()[j];
            }
            if (sim >= bestSim) {
                best = c.getKey();
                bestSim = sim;
            }
        }
        return best;
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (norm == 0 ? 0 : v[j] / norm);
        }
        return out;
    }
}
