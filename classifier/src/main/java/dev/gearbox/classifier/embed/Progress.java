package dev.gearbox.classifier.embed;

/** Hears how far a long job over many rows has got (for a progress bar). Called from one thread at a time. */
@FunctionalInterface
public interface Progress {

    /** Ignores every update. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} items are finished; {@code done} never decreases. */
    void advanced(int done, int total);
}
