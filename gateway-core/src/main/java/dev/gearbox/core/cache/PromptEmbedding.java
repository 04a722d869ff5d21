package dev.gearbox.core.cache;

/**
 * A prompt's embedding and whether the embedder read all of the prompt. An embedder with a bounded
 * input reads only part of a long prompt (the classifier's reads its two ends), so two long prompts
 * that differ where it did not read embed alike: the semantic cache then trusts only the same words.
 */
public record PromptEmbedding(float[] vector, boolean whole) {

    /** The embedding of a prompt the embedder read in full. */
    public static PromptEmbedding whole(float[] vector) {
        return new PromptEmbedding(vector, true);
    }
}
