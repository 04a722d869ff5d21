package dev.gearbox.core.cascade.gate;

import java.util.OptionalDouble;

/**
 * Evaluates the arithmetic models write in answers: numbers (with {@code $}, thousands commas,
 * decimals, a trailing {@code %} meaning hundredths), {@code + - * / x × ÷}, unary minus and
 * parentheses, with the usual precedence. Anything else (a variable, a division by zero) makes
 * the expression unreadable: empty, never a guess.
 */
final class ArithmeticExpression {
    private final String text;
    private int pos;

    private ArithmeticExpression(String text) {
        this.text = text;
    }

    static OptionalDouble evaluate(String expression) {
        ArithmeticExpression e = new ArithmeticExpression(expression);
        try {
            double value = e.sum();
            e.skipSpaces();
            if (e.pos != e.text.length() || Double.isNaN(value) || Double.isInfinite(value)) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value);
        } catch (IllegalArgumentException unreadable) {
            return OptionalDouble.empty();
        }
    }

    private double sum() {
        double value = product();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                value += product();
            } else if (eat('-')) {
                value -= product();
            } else {
                return value;
            }
        }
    }

    private double product() {
        double value = unary();
        while (true) {
            skipSpaces();
            if (eat('*') || eat('\u00d7') || eatTimesX()) {
                value *= unary();
            } else if (eat('/') || eat('\u00f7')) {
                double divisor = unary();
                if (divisor == 0) {
                    throw new IllegalArgumentException("division by zero");
                }
                value /= divisor;
            } else {
                return value;
            }
        }
    }

    private double unary() {
        skipSpaces();
        if (eat('-')) {
            return -unary();
        }
        if (eat('(')) {
            double value = sum();
            skipSpaces();
            if (!eat(')')) {
                throw new IllegalArgumentException("unbalanced parenthesis");
            }
            return value;
        }
        return number();
    }

    private double number() {
        skipSpaces();
        eat('$');
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == ','
                || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos).replace(",", "");
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
            throw new IllegalArgumentException("number expected");
        }
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e);
        }
        return eat('%') ? value / 100 : value;
    }

    /** {@code x} as a times sign: only between spaces or digits, never inside a word. */
    private boolean eatTimesX() {
        if (pos < text.length() && (text.charAt(pos) == 'x' || text.charAt(pos) == 'X')) {
            boolean wordAfter = pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1));
            if (!wordAfter) {
                pos++;
                return true;
            }
        }
        return false;
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
