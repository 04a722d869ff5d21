package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.signals.TextPatterns;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap signals of whether an answer is good enough, read from the prompt and answer text alone:
 * how long the answer is (absolutely and against the prompt), hedging and refusal phrases, the
 * result of {@link ArithmeticCheck}, whether it ends in a final number and whether that number
 * merely repeats one of the prompt's, and whether the text stops mid-sentence (a cut answer).
 * A pure function: the same texts always give the same vector.
 */
public record AnswerSignals(
        int answerChars,
        int promptChars,
        int hedges,
        boolean refusal,
        ArithmeticCheck.Result arithmetic,
        boolean hasFinalNumber,
        boolean finalNumberInPrompt,
        int answerNumbers,
        int codeBlocks,
        boolean endsMidSentence) {

    /** The number of values {@link #toFeatures()} returns. */
    public static final int COUNT = 12;

    private static final Pattern HEDGE = Pattern.compile("\\b(i think|i believe|probably|possibly|perhaps|maybe|might"
            + "|not sure|unsure|unclear|it depends|approximately|roughly|assuming|i'm not certain|hard to say"
            + "|it is difficult|it's difficult|cannot be determined|can't be determined|not enough information)\\b");
    private static final Pattern REFUSAL = Pattern.compile("\\b(i'm sorry|i am sorry|i apologi[sz]e|i cannot|i can't"
            + "|i can not|i'm unable|i am unable|as an ai|as a language model|i won't|i will not|not able to (help|assist|provide))\\b");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Pattern FINISHED = Pattern.compile("[.!?)\\]}\"'`*|>:;\\d]\\s*$|```\\s*$");

    public static AnswerSignals of(String prompt, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        String finalNumber = lastNumber(answer);
        return new AnswerSignals(
                answer.length(),
                prompt.length(),
                count(HEDGE, lower),
                REFUSAL.matcher(lower).find(),
                ArithmeticCheck.of(answer),
                finalNumber != null,
                finalNumber != null && numbers(prompt).contains(finalNumber),
                TextPatterns.numbers(answer),
                TextPatterns.codeBlocks(answer),
                !answer.isBlank() && !FINISHED.matcher(answer).find());
    }

    /** The model input: logs of counts and lengths, 0/1 flags. */
    public double[] toFeatures() {
        return new double[] {
            Math.log1p(answerChars),
            Math.log((answerChars + 1.0) / (promptChars + 1.0)),
            Math.log1p(hedges),
            refusal ? 1 : 0,
            Math.log1p(arithmetic.checked()),
            Math.log1p(arithmetic.wrong()),
            arithmetic.wrong() > 0 ? 1 : 0,
            hasFinalNumber ? 1 : 0,
            finalNumberInPrompt ? 1 : 0,
            Math.log1p(answerNumbers),
            Math.log1p(codeBlocks),
            endsMidSentence ? 1 : 0};
    }

    /** The last number in the last 200 characters (where a final answer sits), normalized; null when none. */
    static String lastNumber(String text) {
        Matcher m = NUMBER.matcher(text.substring(Math.max(0, text.length() - 200)));
        String last = null;
        while (m.find()) {
            last = normalize(m.group());
        }
        return last;
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(normalize(m.group()));
        }
        return out;
    }

    private static String normalize(String number) {
        String plain = number.replace(",", "");
        return plain.contains(".") ? plain.replaceAll("0+$", "").replaceAll("\\.$", "") : plain;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
