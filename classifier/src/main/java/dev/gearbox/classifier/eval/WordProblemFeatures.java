package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.signals.TextPatterns;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate features for the difficulty of a word problem, evaluated in {@link CompareVariants}
 * before any of them joins the served signals: how many distinct quantities, sentences and
 * operation words (each, twice, percent, remaining, ...) a prompt has, and the size of its numbers.
 */
public final class WordProblemFeatures {

    public static final int COUNT = 5;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");
    private static final Pattern OPERATION = Pattern.compile("\\b(each|per|total|times|twice|half|thrice|double|triple"
            + "|percent|remaining|left|more than|less than|fewer|every|average|ratio|fraction|altogether|combined"
            + "|difference|sum|product|quarter|third|discount|profit|rate|speed|how many|how much)\\b|%");
    private static final Pattern FRACTION_OR_DECIMAL = Pattern.compile("\\d+/\\d+|\\d+\\.\\d+");

    private WordProblemFeatures() {
    }

    /** log1p of: distinct numbers, sentences, operation words, fractions or decimals; log10 of the largest number. */
    public static double[] of(String text) {
        Set<String> distinct = new HashSet<>();
        double largest = 0;
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group().replace(",", "");
            distinct.add(n);
            try {
                largest = Math.max(largest, Double.parseDouble(n));
            } catch (NumberFormatException ignored) {
                // "1.2.3" style version strings are not quantities
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return new double[] {
            Math.log1p(distinct.size()),
            Math.log1p(TextPatterns.count(SENTENCE_END, text)),
            Math.log1p(TextPatterns.count(OPERATION, lower)),
            Math.log1p(TextPatterns.count(FRACTION_OR_DECIMAL, text)),
            Math.log10(1 + largest)};
    }
}
