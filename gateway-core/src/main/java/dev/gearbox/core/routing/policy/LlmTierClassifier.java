package dev.gearbox.core.routing.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.JsonVerdict;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChatProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks an LLM deployment for a JSON verdict {@code {"tier", "class", "confidence"}} with a strict
 * timeout; on timeout, an upstream error or an answer that is not such a verdict, the fallback
 * (the embedded model) decides. A class outside {@code requestClasses} is recorded as {@code other},
 * so metric tags stay bounded.
 */
public final class LlmTierClassifier implements TierClassifier {
    /** Bounds the prompt sent to the classifying model: the start and the end of long requests. */
    static final int MAX_PROMPT_CHARS = 6_000;
    static final int VERDICT_MAX_TOKENS = 60;
    static final String INSTRUCTIONS = """
            You route chat requests to the cheapest model tier that answers them as well as a frontier model.
            Tiers: fast (simple, short, factual or chit-chat), balanced (moderate reasoning, writing, \
            ordinary code), frontier (hard math, complex code, deep multi-step reasoning, high-stakes domains).
            Reply with only a JSON object: {"tier": "fast|balanced|frontier", "class": "%s", \
            "confidence": <number from 0 to 1>}""";

    private final ChatProvider provider;
    private final Duration timeout;
    private final TierClassifier fallback;
    private final Set<String> requestClasses;
    private final String instructions;

    public LlmTierClassifier(ChatProvider provider, Duration timeout, TierClassifier fallback, Set<String> requestClasses) {
        this.provider = provider;
        this.timeout = timeout;
        this.fallback = fallback;
        this.requestClasses = Set.copyOf(requestClasses);
        this.instructions = INSTRUCTIONS.formatted(String.join("|", requestClasses.stream().sorted().toList()));
    }

    @Override
    public CompletableFuture<ClassifierVerdict> classify(ChatRequest request) {
        CompletableFuture<ChatResponse> call;
        try {
            call = provider.complete(prompt(request));
        } catch (RuntimeException e) {
            return fallback.classify(request);
        }
        return call.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        call.cancel(true); // a timed-out call must not keep the upstream busy
                        return Optional.<ClassifierVerdict>empty();
                    }
                    return parse(response.firstText());
                })
                .thenCompose(verdict -> verdict.map(CompletableFuture::completedFuture)
                        .orElseGet(() -> fallback.classify(request)));
    }

    private ChatRequest prompt(ChatRequest request) {
        StringBuilder conversation = new StringBuilder();
        for (Message m : request.messages()) {
            if (!m.text().isBlank()) {
                conversation.append(m.role().wire()).append(": ").append(m.text()).append('\n');
            }
        }
        List<Message> messages = List.of(Message.of(Role.SYSTEM, instructions),
                Message.of(Role.USER, bounded(conversation.toString())));
        // Deterministic and short: the verdict is a few dozen tokens.
        return new ChatRequest("classifier", messages, false, false, List.of(), null, null, 0.0, null,
                VERDICT_MAX_TOKENS, null, null, null, null, null, null, Map.of());
    }

    private static String bounded(String text) {
        if (text.length() <= MAX_PROMPT_CHARS) {
            return text;
        }
        int half = MAX_PROMPT_CHARS / 2;
        return text.substring(0, half) + "\n[...]\n" + text.substring(text.length() - half);
    }

    /** The verdict in an answer, tolerating prose or code fences around one JSON object. */
    Optional<ClassifierVerdict> parse(String answer) {
        Optional<JsonNode> parsed = JsonVerdict.in(answer);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = parsed.get();
        Optional<Tier> tier = Tier.fromWire(node.path("tier").asText("").strip().toLowerCase(java.util.Locale.ROOT));
        JsonNode confidence = node.path("confidence");
        if (tier.isEmpty() || !confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
            return Optional.empty();
        }
        String requestClass = node.path("class").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(new ClassifierVerdict(tier.get(), null, confidence.asDouble(),
                requestClasses.contains(requestClass) ? requestClass : ClassifierTierSelector.OTHER_CLASS));
    }
}
