package dev.gearbox.core.cache;

/** A semantic hit: the stored answer and the cosine similarity of its prompt to the new one. */
public record SemanticMatch(CachedAnswer answer, double similarity) {
}
