package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.model.Blend;
import dev.gearbox.classifier.model.LogisticRegression;
import dev.gearbox.classifier.model.Mlp;
import dev.gearbox.classifier.model.ModelFamily;
import dev.gearbox.classifier.model.WeightedKnn;

/**
 * The router chosen by cross-validation (see classifier/EXPERIMENTS.md): an equal blend of
 * weighted kNN, logistic regression and a small MLP, trained on the expected-gain target.
 */
public final class ChosenRouter {

    public static final Target TARGET = Target.GAIN;
    public static final long SEED = 42L;

    private ChosenRouter() {
    }

    public static ModelFamily knn() {
        return WeightedKnn.family(50, 4);
    }

    public static ModelFamily logisticRegression() {
        return LogisticRegression.family(1e-3, 300);
    }

    public static ModelFamily mlp() {
        return mlp(SEED);
    }

    public static ModelFamily mlp(long seed) {
        return Mlp.family(32, 15, 1e-4, seed);
    }

    /** The shipped configuration, with the default seed. */
    public static ModelFamily family() {
        return family(SEED);
    }

    /** kNN with weight 1/3, then LR and MLP sharing the other 2/3 equally; the seed drives the MLP. */
    public static ModelFamily family(long seed) {
        return Blend.family(knn(), Blend.family(logisticRegression(), mlp(seed), 0.5), 1.0 / 3);
    }
}
