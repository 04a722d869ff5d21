package dev.gearbox.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.Map;

/**
 * A stored answer: the complete response with its usage as the upstream reported it, the tier and
 * deployment that produced it (named again on a hit), the routing decision that chose them (null
 * when the request was not {@code auto}; a hit reports its request class), and its estimated size
 * in bytes.
 */
public record CachedAnswer(ChatResponse response, Tier tier, String deployment, RoutingDecision decision, long bytes) {
    /** Object headers, references and the fixed fields of the records around the text. */
    private static final int OVERHEAD = 256;

    public static CachedAnswer of(ChatResponse response, Tier tier, String deployment) {
        return of(response, tier, deployment, null);
    }

    public static CachedAnswer of(ChatResponse response, Tier tier, String deployment, RoutingDecision decision) {
        return new CachedAnswer(response, tier, deployment, decision, estimateBytes(response));
    }

    /** Roughly what the answer occupies on the heap: two bytes per character plus fixed overheads. */
    static long estimateBytes(ChatResponse response) {
        long bytes = OVERHEAD + chars(response.id()) + chars(response.model()) + chars(response.systemFingerprint())
                + extra(response.extra());
        for (Choice c : response.choices()) {
            bytes += OVERHEAD + chars(c.finishReason()) + json(c.logprobs());
            Message m = c.message();
            bytes += chars(m.text()) + chars(m.name()) + extra(m.extra());
            for (ToolCall call : m.toolCalls()) {
                bytes += OVERHEAD + chars(call.id()) + chars(call.name()) + chars(call.arguments());
            }
        }
        if (response.usage() != null) {
            bytes += OVERHEAD + extra(response.usage().extra());
        }
        return bytes;
    }

    private static long chars(String s) {
        return s == null ? 0 : 2L * s.length();
    }

    private static long json(JsonNode node) {
        return node == null ? 0 : 4L * node.toString().length();
    }

    private static long extra(Map<String, JsonNode> extra) {
        long bytes = 0;
        for (Map.Entry<String, JsonNode> e : extra.entrySet()) {
            bytes += chars(e.getKey()) + json(e.getValue());
        }
        return bytes;
    }
}
