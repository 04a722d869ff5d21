package dev.gearbox.classifier.answer;

/**
 * What the answer-quality model reads about one answer: the prompt the router embeds and its
 * embedding, the answer and its embedding. The model input is both embeddings side by side
 * followed by the {@link AnswerSignals} and the prompt-answer cosine similarity.
 */
public record AnswerInput(String prompt, float[] promptEmbedding, String answer, float[] answerEmbedding) {

    /** The number of signals: the answer signals plus the cosine. */
    public static final int SIGNALS = AnswerSignals.COUNT + 1;

    public AnswerInput {
        if (promptEmbedding.length != answerEmbedding.length) {
            throw new IllegalArgumentException("prompt and answer embeddings differ in size: "
                    + promptEmbedding.length + " vs " + answerEmbedding.length);
        }
    }

    /** The prompt embedding followed by the answer embedding. */
    public float[] embedding() {
        float[] joined = new float[promptEmbedding.length * 2];
        System.arraycopy(promptEmbedding, 0, joined, 0, promptEmbedding.length);
        System.arraycopy(answerEmbedding, 0, joined, promptEmbedding.length, answerEmbedding.length);
        return joined;
    }

    public double[] signals() {
        double[] text = AnswerSignals.of(prompt, answer).toFeatures();
        double[] all = new double[SIGNALS];
        System.arraycopy(text, 0, all, 0, text.length);
        all[text.length] = cosine(promptEmbedding, answerEmbedding);
        return all;
    }

    /** The embeddings are L2-normalized, so their dot product is the cosine (0 for a blank text's zero vector). */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
