package dev.gearbox.classifier.signals;

import dev.gearbox.classifier.embed.TextCut;

/**
 * The part of a prompt its text signals (and the request-class rules) are read on. Counting tokens,
 * code lines, math, numbers and keywords over a 200k-token prompt took about 280 ms of classifier
 * time; past {@link #MAX_CHARS} the counts are taken on the start and the end and scaled to the whole
 * length. Every training row is shorter than the window (the longest shared prompt has 4,868
 * characters), so the model sees the same signals it was trained on.
 */
public record SignalWindow(String text, double scale) {

    public static final int MAX_CHARS = 8_192;

    public static SignalWindow of(String prompt) {
        if (prompt.length() <= MAX_CHARS) {
            return new SignalWindow(prompt, 1.0);
        }
        int half = MAX_CHARS / 2;
        String sample = prompt.substring(0, TextCut.endOfStart(prompt, half)) + "\n"
                + prompt.substring(TextCut.startOfEnd(prompt, prompt.length() - half));
        return new SignalWindow(sample, (double) prompt.length() / sample.length());
    }

    /** A count over the window, as an estimate of the count over the whole prompt. */
    public int scaled(int count) {
        return (int) Math.round(count * scale);
    }
}
