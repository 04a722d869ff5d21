package dev.gearbox.classifier.model;

import java.util.List;

/** A weighted average of two routers' probabilities: kNN's local memory with LR's smooth trend. */
public record Blend(RoutingModel first, RoutingModel second, double firstWeight) implements RoutingModel {

    public static ModelFamily family(ModelFamily first, ModelFamily second, double firstWeight) {
        return new ModelFamily() {
            @Override
            public String name() {
                return "blend(" + firstWeight + "*" + first.name() + "+" + second.name() + ")";
            }

            @Override
            public RoutingModel fit(List<Example> training) {
                return new Blend(first.fit(training), second.fit(training), firstWeight);
            }
        };
    }

    @Override
    public double score(float[] embedding, double[] signals) {
        return firstWeight * first.score(embedding, signals) + (1 - firstWeight) * second.score(embedding, signals);
    }
}
