package dev.gearbox.providers.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Builds OpenAI-shaped {@code logprobs} objects ({@code {"content":[...],"refusal":null}}) for
 * generated pieces. Values lean towards confident (close to 0) as real models do; each entry has
 * the token's UTF-8 bytes and, when asked, {@code top_logprobs} alternatives with lower values.
 */
final class LogprobsFactory {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random random;
    private final int topLogprobs;

    LogprobsFactory(Random random, int topLogprobs) {
        this.random = random;
        this.topLogprobs = Math.max(0, Math.min(20, topLogprobs));
    }

    ObjectNode forPieces(List<String> pieces) {
        ObjectNode logprobs = F.objectNode();
        ArrayNode content = logprobs.putArray("content");
        for (String piece : pieces) {
            double logprob = round(-2.5 * Math.pow(random.nextDouble(), 3));
            ObjectNode entry = entry(piece, logprob);
            ArrayNode top = entry.putArray("top_logprobs");
            if (topLogprobs > 0) {
                top.add(entry(piece, logprob));
                double next = logprob;
                for (int i = 1; i < topLogprobs; i++) {
                    next = round(next - 0.5 - random.nextDouble() * 2);
                    top.add(entry(" " + SentenceBank.word(random), next));
                }
            }
            content.add(entry);
        }
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode entry(String token, double logprob) {
        ObjectNode e = F.objectNode();
        e.put("token", token);
        e.put("logprob", logprob);
        ArrayNode bytes = e.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return e;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
