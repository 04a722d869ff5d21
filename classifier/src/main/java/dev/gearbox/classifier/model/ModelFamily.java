package dev.gearbox.classifier.model;

import java.util.List;

/** A way to train a {@link RoutingModel}; one per model family compared in cross-validation. */
public interface ModelFamily {

    /** A short name for result tables. */
    String name();

    RoutingModel fit(List<Example> training);
}
