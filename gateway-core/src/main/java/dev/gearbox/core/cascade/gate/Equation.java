package dev.gearbox.core.cascade.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One claim {@code left = right} found in an answer, with both sides evaluated. Found in two
 * places: GSM8K-style calculator annotations {@code <<8*5=40>>}, and plain text such as
 * {@code 8 x $5 = $40} or {@code 1,200 / 4 = 300} (at least one operator on the left, a single
 * number on the right that no further operator continues).
 */
record Equation(String text, double left, double right, double roundingUnit, boolean percentRight) {
    private static final String NUM = "\\$?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?%?";
    private static final String OP = "\\s*(?:[-+*/\u00d7\u00f7]|(?<![A-Za-z])[xX](?![A-Za-z]))\\s*";
    private static final Pattern ANNOTATION = Pattern.compile("<<([^<>=]{1,200})=([^<>=]{1,40})>>");
    /**
     * Left side: not continuing a word, a number or an expression with a variable in it (no
     * operator just before). Right side: not continued by more arithmetic, a variable ({@code 32x})
     * or a remainder ({@code 24 / 26 = 0, remainder 24}).
     */
    private static final Pattern INLINE = Pattern.compile(
            "(?<![\\w.,$/\\-]|[-+*/\u00d7\u00f7^]\\s{1,3})(-?" + NUM + "(?:" + OP + NUM + ")+)\\s*=\\s*\\$?\\s*(-?" + NUM + ")"
                    + "(?![\\d,]*\\d)(?!\\.\\d)(?![A-Za-z])(?!" + OP + "[$\\d(A-Za-z])"
                    + "(?!,?\\s*(?:r|R|rem|remainder)\\b)");

    /** Reads a percent on the right as either hundredths ({@code 25% = 0.25}) or the plain number ({@code 0.5 * 100 = 50%}). */
    boolean holdsWithin(double allowed) {
        return error() <= allowed || (percentRight && Math.abs(left - right * 100) <= allowed * 100);
    }

    /** How far {@code right} is from {@code left}. */
    double error() {
        return Math.abs(left - right);
    }

    /** Every readable equation in {@code answer}, annotations first. */
    static List<Equation> findAll(String answer) {
        List<Equation> found = new ArrayList<>();
        Matcher a = ANNOTATION.matcher(answer);
        while (a.find()) {
            of(a.group(0), a.group(1), a.group(2)).ifPresent(found::add);
        }
        String plain = ANNOTATION.matcher(answer).replaceAll("");
        Matcher m = INLINE.matcher(plain);
        while (m.find()) {
            of(m.group(0), m.group(1), m.group(2)).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Equation> of(String text, String left, String right) {
        OptionalDouble l = ArithmeticExpression.evaluate(left);
        OptionalDouble r = ArithmeticExpression.evaluate(right.strip());
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Equation(text.strip(), l.getAsDouble(), r.getAsDouble(), roundingUnit(right),
                right.strip().endsWith("%")));
    }

    /** The place value of the right side's last digit (0.01 for "3.33", 1 for "40"); a percent scales it. */
    private static double roundingUnit(String right) {
        String s = right.strip();
        boolean percent = s.endsWith("%");
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : (int) s.substring(dot + 1).chars().filter(Character::isDigit).count();
        double unit = Math.pow(10, -decimals);
        return percent ? unit / 100 : unit;
    }
}
