package dev.gearbox.core.cache;

/**
 * Where a semantic match may come from: the same tenant, the same requested model or tier, the same
 * instructions (system prompt, tools, response format and generation parameters) and the same
 * earlier turns, so a follow-up question never matches one asked in another conversation.
 */
public record SemanticScope(String tenant, String model, String instructionsDigest, String historyDigest) {
}
