package dev.gearbox.classifier.signals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure counting functions over prompt text: code, math, numbers, questions, answer options. */
public final class TextPatterns {

    private static final Pattern FENCED_CODE = Pattern.compile("```[\\s\\S]*?(```|$)");
    private static final Pattern CODE_LINE = Pattern.compile(
            "(?m)^\\s*(def |class |import |#include|public |private |function |const |let |var |return |for \\(|if \\(|SELECT |\\}\\s*$).*");
    private static final Pattern MATH = Pattern.compile(
            "\\d+(\\.\\d+)?\\s*[-+*/^=<>]\\s*\\(?\\s*[\\d.a-zA-Z]|\\\\(frac|sqrt|int|sum|cdot|times)|[a-z]\\^\\d|\\$[^$\\n]+\\$|[∫∑√π≤≥≠±×÷]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[-+]?\\$?\\d+(?:[.,]\\d+)*%?");
    private static final Pattern QUESTION = Pattern.compile("[?？]");
    private static final Pattern OPTION = Pattern.compile("(?m)^\\s*\\(?[A-Ea-e][.)]\\s+\\S");

    private TextPatterns() {
    }

    /** Fenced code blocks plus unfenced lines that look like code. */
    public static int codeBlocks(String text) {
        return count(FENCED_CODE, text) + count(CODE_LINE, text.replaceAll("```[\\s\\S]*?(```|$)", ""));
    }

    /** Arithmetic, equations, LaTeX commands, exponents and math symbols. */
    public static int mathExpressions(String text) {
        return count(MATH, text);
    }

    /** Numeric literals (integers, decimals, money, percentages). */
    public static int numbers(String text) {
        return count(NUMBER, text);
    }

    /** Question marks (ASCII and full-width). */
    public static int questions(String text) {
        return count(QUESTION, text);
    }

    /** Lines that look like lettered answer options ("A. ...", "(b) ..."): a multiple-choice prompt. */
    public static int answerOptions(String text) {
        return count(OPTION, text);
    }

    /** Non-overlapping matches of {@code p} in {@code text}: the count every text signal is built on. */
    public static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
