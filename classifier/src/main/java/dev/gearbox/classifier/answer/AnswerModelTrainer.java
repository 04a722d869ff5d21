package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.LogisticRegression;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.ModelFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Trains the answer-quality model on labeled rows that carry a weak answer: each row becomes one
 * example of its {@link AnswerInput} and its {@link AnswerLabel}. The family was chosen by grouped
 * cross-validation ({@link CrossValidateAnswerModel}; numbers in docs/cascade-eval.md).
 */
public final class AnswerModelTrainer {

    public static final long SEED = 42L;

    private AnswerModelTrainer() {
    }

    /**
     * The shipped family: L2-regularized logistic regression (l2 = 1e-2). With about a thousand rows
     * and 781 inputs it cross-validated above a small MLP, their blend and weaker or stronger L2
     * (docs/cascade-eval.md), and full-batch training repeats exactly.
     */
    public static ModelFamily chosenFamily() {
        return LogisticRegression.family(1e-2, 300);
    }

    /** The rows an answer model can learn from: those carrying the weak model's answer. */
    public static List<RoutingRow> usable(List<RoutingRow> rows) {
        return rows.stream().filter(AnswerLabel::hasWeakAnswer).toList();
    }

    public static List<Example> examples(List<RoutingRow> rows, List<AnswerInput> inputs) {
        return examples(rows, inputs, AnswerLabel::goodEnough);
    }

    /** Examples with another target (compared in {@link CrossValidateAnswerModel}). */
    public static List<Example> examples(List<RoutingRow> rows, List<AnswerInput> inputs, ToDoubleFunction<RoutingRow> target) {
        if (rows.size() != inputs.size()) {
            throw new IllegalArgumentException("one input per row needed: " + rows.size() + " rows, " + inputs.size() + " inputs");
        }
        List<Example> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AnswerInput in = inputs.get(i);
            out.add(new Example(in.embedding(), in.signals(), target.applyAsDouble(rows.get(i))));
        }
        return out;
    }

    public static AnswerQualityModel train(List<RoutingRow> rows, List<AnswerInput> inputs, ModelFamily family) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows with a weak_answer to train on");
        }
        return new AnswerQualityModel(family.fit(examples(rows, inputs)));
    }

    /** Writes a trained model in the {@link ModelCodec} format, creating parent folders. */
    public static void write(AnswerQualityModel model, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            ModelCodec.write(model.routingModel(), o);
        }
    }
}
