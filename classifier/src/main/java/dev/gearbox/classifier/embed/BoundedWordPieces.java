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
    /**
     * Times a window may double (to about 16k characters for the served bound). Text with almost no
     * pieces (a megabyte without a space is one [UNK]) would otherwise widen until the whole text is
     * tokenized: about 350 ms for 1 MB.
     */
    static final int MAX_WIDENINGS = 6;

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

    /** What the model reads of {@code raw}. */
    ModelInput input(String raw) {
        int headChars = head * CHARS_PER_PIECE;
        int tailChars = tail * CHARS_PER_PIECE;
        String text = raw.length() > headChars + tailChars ? collapsedWhitespace(raw) : raw;
        for (int widenings = 0; headChars + tailChars < text.length(); widenings++) {
            long[] start = tokenize.apply(text.substring(0, TextCut.endOfStart(text, headChars)));
            long[] end = tokenize.apply(text.substring(TextCut.startOfEnd(text, text.length() - tailChars)));
            if (start.length >= head + SLACK && end.length >= tail + SLACK) {
                return new ModelInput(framed(start, 0, head, end, tail), false);
            }
            if (widenings == MAX_WIDENINGS) { // nearly piece-free text: what the widest windows hold
                return new ModelInput(framed(start, 0, Math.min(head, start.length), end, Math.min(tail, end.length)), false);
            }
            headChars *= 2;
            tailChars *= 2;
        }
        long[] all = tokenize.apply(text);
        if (all.length <= head + tail) {
            return new ModelInput(framed(all, 0, all.length, all, 0), true);
        }
        return new ModelInput(framed(all, 0, head, all, tail), false);
    }

    /** The ids the model reads, and whether they are all of the text's pieces. */
    record ModelInput(long[] ids, boolean whole) {
    }

    /**
     * The text with each run of whitespace as one space and none at its ends. Whitespace makes no
     * word pieces, so the pieces are unchanged, but padded text (a markdown table can be mostly
     * spaces) no longer pushes the pieces kept out of the windows. One pass, about 1 ms per MB.
     */
    static String collapsedWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.length() == text.length() ? text : out.toString();
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
