package dev.gearbox.classifier.embed;

import java.util.function.Function;

/**
 * The word-piece ids the encoder sees for a text: {@code [CLS]}, the text's first and last pieces
 * within the bound, {@code [SEP]}. The start usually states the task and the end the question, so
 * a long prompt keeps both and loses its middle. Only a window at each end of a long text is
 * tokenized (tokenizing costs about 0.35 ms per 1,000 characters), so a 200k-token prompt costs no
 * more than a short one, and the pieces are those a whole-text tokenization would give.
 */
final class BoundedWordPieces {

    /**
     * Characters first tokenized at each end of a long text, per word piece kept there: about twice
     * what English prose and technical text average, so one window nearly always suffices; text
     * with longer pieces or long runs of whitespace gets a window twice as wide, until it yields
     * the pieces kept plus {@link #SLACK}.
     */
    static final int CHARS_PER_PIECE = 8;
    /**
     * Pieces a window must yield beyond those kept: the word the window's edge cuts through is split
     * differently than in the whole text, and this many pieces keep it clear of the ones kept.
     */
    static final int SLACK = 8;

    private final Function<String, long[]> tokenize;
    private final long cls;
    private final long sep;
    private final int head;
    private final int tail;

    /**
     * @param tokenize  a text's word-piece ids, without special tokens
     * @param maxTokens the model input bound, special tokens included
     */
    BoundedWordPieces(Function<String, long[]> tokenize, long cls, long sep, int maxTokens) {
        if (maxTokens < 8) {
            throw new IllegalArgumentException("maxTokens must be at least 8, got " + maxTokens);
        }
        this.tokenize = tokenize;
        this.cls = cls;
        this.sep = sep;
        int pieces = maxTokens - 2;
        this.head = (pieces + 1) / 2;
        this.tail = pieces - head;
    }

    long[] ids(String text) {
        int headChars = head * CHARS_PER_PIECE;
        int tailChars = tail * CHARS_PER_PIECE;
        while (headChars + tailChars < text.length()) {
            long[] start = tokenize.apply(text.substring(0, TextCut.endOfStart(text, headChars)));
            long[] end = tokenize.apply(text.substring(TextCut.startOfEnd(text, text.length() - tailChars)));
            if (start.length >= head + SLACK && end.length >= tail + SLACK) {
                return framed(start, 0, head, end, tail);
            }
            headChars *= 2;
            tailChars *= 2;
        }
        long[] all = tokenize.apply(text);
        if (all.length <= head + tail) {
            return framed(all, 0, all.length, all, 0);
        }
        return framed(all, 0, head, all, tail);
    }

    /** [CLS] + first[from, to) + the last {@code lastCount} ids of {@code last} + [SEP]. */
    private long[] framed(long[] first, int from, int to, long[] last, int lastCount) {
        int n = to - from;
        long[] ids = new long[n + lastCount + 2];
        ids[0] = cls;
        System.arraycopy(first, from, ids, 1, n);
        System.arraycopy(last, last.length - lastCount, ids, 1 + n, lastCount);
        ids[ids.length - 1] = sep;
        return ids;
    }
}
