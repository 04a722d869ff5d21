package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.Usage;
import java.util.Map;

/**
 * Anthropic usage as OpenAI usage. Anthropic counts cache reads and cache writes apart from
 * {@code input_tokens}; OpenAI's {@code prompt_tokens} includes cached tokens, so all three are
 * summed, and the split is kept in {@code prompt_tokens_details} ({@code cached_tokens} as OpenAI
 * names cache reads, plus {@code cache_creation_tokens}) so cost accounting can price them.
 */
final class AnthropicUsage {
    private AnthropicUsage() {
    }

    /** Token counts as a stream accumulates them: input side from message_start, output from message_delta. */
    record Counts(int input, int cacheCreation, int cacheRead, int output, boolean cacheReported) {
        static final Counts NONE = new Counts(0, 0, 0, 0, false);

        /** These counts updated with whatever {@code usage} carries (absent fields keep their value). */
        Counts merge(JsonNode usage) {
            if (usage == null || !usage.isObject()) {
                return this;
            }
            boolean cache = cacheReported || usage.hasNonNull("cache_creation_input_tokens")
                    || usage.hasNonNull("cache_read_input_tokens");
            return new Counts(intOr(usage, "input_tokens", input), intOr(usage, "cache_creation_input_tokens", cacheCreation),
                    intOr(usage, "cache_read_input_tokens", cacheRead), intOr(usage, "output_tokens", output), cache);
        }

        Usage toUsage() {
            int prompt = input + cacheCreation + cacheRead;
            if (!cacheReported) {
                return new Usage(prompt, output, prompt + output, Map.of());
            }
            ObjectNode details = AnthropicJson.MAPPER.createObjectNode();
            details.put("cached_tokens", cacheRead);
            details.put("cache_creation_tokens", cacheCreation);
            return new Usage(prompt, output, prompt + output, Map.of("prompt_tokens_details", details));
        }
    }

    /** A complete answer's usage, or null when it has none. */
    static Usage from(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return Counts.NONE.merge(usage).toUsage();
    }

    private static int intOr(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToInt() ? v.intValue() : fallback;
    }
}
