package dev.gearbox.classifier.embed;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/** Counts and bounds text in cl100k tokens (the GPT-4 tokenizer). Thread-safe. */
public final class TokenCounter {

    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final String CUT_MARK = "\n...\n";

    private TokenCounter() {
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : CL100K.countTokensOrdinary(text);
    }

    /**
     * The text cut to at most {@code maxTokens} tokens, keeping the start and the end (the task is
     * usually stated at one end of a long prompt and the material sits in the middle).
     */
    public static String keepStartAndEnd(String text, int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, got " + maxTokens);
        }
        IntArrayList tokens = CL100K.encodeOrdinary(text);
        int n = tokens.size();
        if (n <= maxTokens) {
            return text;
        }
        int head = maxTokens / 2;
        int tail = maxTokens - head;
        return CL100K.decode(slice(tokens, 0, head)) + CUT_MARK + CL100K.decode(slice(tokens, n - tail, n));
    }

    private static IntArrayList slice(IntArrayList tokens, int from, int to) {
        IntArrayList out = new IntArrayList(to - from);
        for (int i = from; i < to; i++) {
            out.add(tokens.get(i));
        }
        return out;
    }
}
