package dev.gearbox.classifier.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds written-out arithmetic in an answer ({@code 8 x $5 = $40}, {@code <<80/120=2/3>>},
 * chains such as {@code 2 * 30 - 12 = 60 - 12 = 48}) and re-computes each step: a claim whose stated result is off is the clearest sign a math answer went wrong.
 * Operators {@code + - * / x ×} with the usual precedence; money signs, thousands separators and
 * markdown-escaped stars are tolerated. Results count as right within half a percent (or 0.01), so
 * rounded decimals such as {@code 100/3 = 33.33} pass.
 */
public final class ArithmeticCheck {

    /** How many claims were checked and how many of them were wrong. */
    public record Result(int checked, int wrong) {
    }

    private static final String NUM = "\\$?\\d+(?:,\\d{3})*(?:\\.\\d+)?";
    private static final String OP = "\\s*(?:\\\\?\\*|[+\\-/x×÷])\\s*";
    private static final String EXPR = NUM + "(?:" + OP + NUM + ")*";
    /**
     * Expressions joined by '=', at least one of them with an operator: {@code 2 * 30 - 12 = 60 - 12 = 48}.
     * A chain never starts right after an operator or a bracket, so the tail of a longer expression
     * ({@code (a + b) / 5 = ...}) is not mistaken for a claim of its own.
     */
    private static final Pattern CHAIN = Pattern.compile(
            "(?<![\\w.,/)%$]|[-+*/x×÷(]\\s{0,3})" + EXPR + "(?:\\s*=\\s*" + EXPR + ")+(?![\\d.]*\\d)");
    private static final Pattern EQUALS = Pattern.compile("\\s*=\\s*");
    private static final Pattern TOKEN = Pattern.compile(NUM + "|\\\\?\\*|[+\\-/x×÷]");
    private static final double RELATIVE_TOLERANCE = 0.005;
    private static final double ABSOLUTE_TOLERANCE = 0.01;

    private ArithmeticCheck() {
    }

    public static Result of(String text) {
        Matcher m = CHAIN.matcher(text);
        int checked = 0;
        int wrong = 0;
        while (m.find()) {
            String[] sides = EQUALS.split(m.group());
            for (int i = 1; i < sides.length; i++) {
                double left = evaluate(sides[i - 1]);
                double right = evaluate(sides[i]);
                if (Double.isNaN(left) || Double.isNaN(right) || !(hasOperator(sides[i - 1]) || hasOperator(sides[i]))) {
                    continue;
                }
                checked++;
                if (Math.abs(left - right) > Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(right))) {
                    wrong++;
                }
            }
        }
        return new Result(checked, wrong);
    }

    private static boolean hasOperator(String expression) {
        return TOKEN.matcher(expression).results().count() > 1;
    }

    /** The value of a flat expression with * and / binding tighter than + and -; NaN when it cannot be computed. */
    static double evaluate(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(expression);
        while (t.find()) {
            tokens.add(t.group());
        }
        if (tokens.isEmpty() || tokens.size() % 2 == 0) {
            return Double.NaN;
        }
        double sum = 0;
        double term = number(tokens.get(0));
        char pendingSign = '+';
        for (int i = 1; i < tokens.size(); i += 2) {
            char op = operator(tokens.get(i));
            double next = number(tokens.get(i + 1));
            switch (op) {
                case '*' -> term *= next;
                case '/' -> {
                    if (next == 0) {
                        return Double.NaN;
                    }
                    term /= next;
                }
                default -> {
                    sum += pendingSign == '+' ? term : -term;
                    pendingSign = op;
                    term = next;
                }
            }
        }
        return sum + (pendingSign == '+' ? term : -term);
    }

    private static char operator(String token) {
        return switch (token) {
            case "x", "×", "*", "\\*" -> '*';
            case "÷", "/" -> '/';
            default -> token.charAt(0);
        };
    }

    private static double number(String token) {
        return Double.parseDouble(token.replace("$", "").replace(",", ""));
    }
}
