package dev.gearbox.classifier.signals;

import java.util.List;

/**
 * Counts whole-word occurrences of literal keywords in lower-cased text, as the regex
 * {@code \b(k1|k2|...)\b} would, in one pass over word starts instead of trying every keyword at
 * every character (which made keyword hits most of the signals' time). A word character is a
 * letter, a digit or '_', as in the regex boundary of the JDK the model was trained on.
 */
final class KeywordCounter {

    private final List<String> keywords;

    /** @param keywords lower-case literals, each starting with a word character */
    KeywordCounter(List<String> keywords) {
        for (String k : keywords) {
            if (k.isEmpty() || !isWord(k.codePointAt(0))) {
                throw new IllegalArgumentException("a keyword must start with a word character: '" + k + "'");
            }
        }
        this.keywords = List.copyOf(keywords);
    }

    List<String> keywords() {
        return keywords;
    }

    /** Non-overlapping whole-word occurrences, leftmost first. */
    int count(String lowerCase) {
        int n = 0;
        int i = 0;
        int length = lowerCase.length();
        while (i < length) {
            int cp = lowerCase.codePointAt(i);
            if (isWord(cp) && !wordBefore(lowerCase, i)) {
                int end = matchAt(lowerCase, i);
                if (end > 0) {
                    n++;
                    i = end;
                    continue;
                }
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /** The end of the first keyword matching as a whole word at {@code start}, or -1. */
    private int matchAt(String text, int start) {
        for (String k : keywords) {
            int end = start + k.length();
            if (text.startsWith(k, start) && isBoundary(text, end)) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isBoundary(String text, int at) {
        boolean before = wordBefore(text, at);
        boolean after = at < text.length() && isWord(text.codePointAt(at));
        return before != after;
    }

    private static boolean wordBefore(String text, int at) {
        return at > 0 && isWord(text.codePointBefore(at));
    }

    private static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }
}
