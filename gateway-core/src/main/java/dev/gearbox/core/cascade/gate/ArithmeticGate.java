package dev.gearbox.core.cascade.gate;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the arithmetic an answer shows ({@link Equation}): escalates when a stated result is off
 * by more than both the rounding of the written result (half its last digit's place value) and
 * {@code relativeTolerance} of the true value. Accepts when every equation holds; abstains when
 * the answer shows none.
 */
public record ArithmeticGate(double relativeTolerance) implements QualityGate {
    public static final String NAME = "arithmetic";
    public static final String REASON = "arithmetic_error";
    public static final double DEFAULT_TOLERANCE = 0.01;

    public ArithmeticGate {
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [0, 1), got " + relativeTolerance);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        List<Equation> equations = Equation.findAll(answer.firstText());
        if (equations.isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        for (Equation e : equations) {
            if (!holds(e)) {
                return Answers.done(new GateVerdict.Escalate(NAME, REASON, String.format(Locale.ROOT,
                        "the answer states %s, but the left side is %s", Answers.clip(e.text(), 120), format(e.left()))));
            }
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }

    boolean holds(Equation e) {
        double allowed = Math.max(e.roundingUnit() / 2, relativeTolerance * Math.abs(e.left()));
        return e.holdsWithin(allowed + 1e-9);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
