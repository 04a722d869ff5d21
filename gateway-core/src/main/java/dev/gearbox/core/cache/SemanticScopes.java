package dev.gearbox.core.cache;

import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a request may take part in the semantic cache and, if so, its scope and the text
 * that is embedded (the last user message). Eligible: the last message is a non-empty user message
 * with text only, the temperature is at most the configured maximum, one choice, no logprobs (a
 * stored answer's token probabilities belong to another prompt).
 */
public final class SemanticScopes {
    private final SemanticCacheConfig config;

    public SemanticScopes(SemanticCacheConfig config) {
        this.config = config;
    }

    /** The query for this request, or empty when it is not eligible. */
    public Optional<SemanticQuery> query(String tenant, ChatRequest request) {
        List<Message> messages = request.messages();
        if (messages.isEmpty() || !config.eligibleTemperature(request.temperature())
                || (request.n() != null && request.n() != 1) || Boolean.TRUE.equals(request.logprobs())) {
            return Optional.empty();
        }
        Message last = messages.get(messages.size() - 1);
        if (last.role() != Role.USER || last.text().isBlank() || !last.toolCalls().isEmpty()) {
            return Optional.empty();
        }
        List<Message> earlier = messages.subList(0, messages.size() - 1).stream().filter(m -> !isInstruction(m)).toList();
        SemanticScope scope = new SemanticScope(tenant, request.model(), CanonicalRequest.instructionsDigest(request),
                CanonicalRequest.historyDigest(earlier));
        return Optional.of(new SemanticQuery(scope, last.text()));
    }

    static boolean isInstruction(Message m) {
        return m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER;
    }

    /** An eligible request: its scope and the prompt text that was embedded. */
    public record SemanticQuery(SemanticScope scope, String prompt) {
    }
}
