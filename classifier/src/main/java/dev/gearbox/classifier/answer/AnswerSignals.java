package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.cascade.OfflineAnswer;
import dev.gearbox.classifier.signals.TextPatterns;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.cascade.gate.ArithmeticGate;
import dev.gearbox.core.cascade.gate.RefusalGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap signals of whether an answer is good enough, read from the prompt and answer text alone:
 * how long the answer is (absolutely and against the prompt), hedging phrases, what the cascade's
 * own {@link RefusalGate} and {@link ArithmeticGate} say about it (the gate judged line by line,
 * so the model sees how many lines show arithmetic and how many of them are wrong), whether it ends in a final number and whether that number
 * merely repeats one of the prompt's, and whether the text stops mid-sentence (a cut answer).
 * A pure function: the same texts always give the same vector.
 */
public record AnswerSignals(
        int answerChars,
        int promptChars,
        int hedges,
        boolean refusal,
        int arithmeticLines,
        int wrongArithmeticLines,
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
    private static final QualityGate REFUSAL = RefusalGate.withDefaults(List.of());
    private static final QualityGate ARITHMETIC = new ArithmeticGate(ArithmeticGate.DEFAULT_TOLERANCE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Pattern FINISHED = Pattern.compile("[.!?)\\]}\"'`*|>:;\\d]\\s*$|```\\s*$");

    public static AnswerSignals of(String prompt, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        String finalNumber = lastNumber(answer);
        ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.USER, prompt)));
        ChatResponse response = OfflineAnswer.of(answer, "cheap");
        int arithmeticLines = 0;
        int wrongLines = 0;
        for (String line : answer.split("\n")) {
            GateVerdict v = verdict(ARITHMETIC, request, OfflineAnswer.of(line, "cheap"));
            arithmeticLines += v instanceof GateVerdict.Abstain ? 0 : 1;
            wrongLines += v instanceof GateVerdict.Escalate ? 1 : 0;
        }
        return new AnswerSignals(
                answer.length(),
                prompt.length(),
                TextPatterns.count(HEDGE, lower),
                verdict(REFUSAL, request, response) instanceof GateVerdict.Escalate,
                arithmeticLines,
                wrongLines,
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
            Math.log1p(arithmeticLines),
            Math.log1p(wrongArithmeticLines),
            wrongArithmeticLines > 0 ? 1 : 0,
            hasFinalNumber ? 1 : 0,
            finalNumberInPrompt ? 1 : 0,
            Math.log1p(answerNumbers),
            Math.log1p(codeBlocks),
            endsMidSentence ? 1 : 0};
    }

    /** The verdict of a pure gate, which answers at once; a gate that did not is read as abstaining. */
    private static GateVerdict verdict(QualityGate gate, ChatRequest request, ChatResponse response) {
        return gate.check(request, response).getNow(new GateVerdict.Abstain(gate.name()));
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
}
