package dev.gearbox.classifier.model;

/** A trained router: turns a request's embedding and signals into P(strong model needed) in [0,1]. */
public interface RoutingModel {

    double score(float[] embedding, double[] signals);
}
