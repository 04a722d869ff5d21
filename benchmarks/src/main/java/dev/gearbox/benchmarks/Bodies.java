package dev.gearbox.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Realistic wire bodies for the benchmarks, built deterministically: the load test's small request,
 * a multi-turn conversation with a system prompt, a request using every OpenAI feature Gearbox
 * types, an upstream answer, and an upstream SSE stream of a paragraph-long answer.
 */
final class Bodies {
    private Bodies() {
    }

    /** The body {@code bench/load.sh} sends. */
    static final String SMALL_REQUEST = "{\"model\":\"mock-ok\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello in one short sentence.\"}],\"max_tokens\":16}";

    /** A chat app's request: system prompt and six turns of conversation, about 3 KB. */
    static String conversationRequest() {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\"model\":\"auto\",\"temperature\":0.7,\"max_tokens\":512,\"user\":\"user-1234\",\"messages\":[");
        json.append("{\"role\":\"system\",\"content\":\"You are a helpful assistant for an online bookshop. Answer"
                + " briefly, cite the catalogue when you can, and never invent prices or stock levels.\"}");
        for (int turn = 0; turn < 6; turn++) {
            json.append(",{\"role\":\"user\",\"content\":\"Question ").append(turn)
                    .append(": I am looking for a novel set in a coastal town, something quiet and reflective, "
                            + "ideally under 300 pages. What would you suggest and why? \\\"Quotes\\\" welcome.\"}");
            json.append(",{\"role\":\"assistant\",\"content\":\"Answer ").append(turn)
                    .append(": You might enjoy a slow, observant novel about a lighthouse keeper's last season; "
                            + "it is short, lyrical and mostly about the sea and memory. Shall I check stock?\"}");
        }
        json.append("]}");
        return json.toString();
    }

    /** An OpenAI streaming answer of {@code chunks} content chunks, a finish chunk, a usage chunk and [DONE]. */
    static String stream(int chunks) {
        String head = "{\"id\":\"chatcmpl-Bench\",\"object\":\"chat.completion.chunk\",\"created\":1755000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_560af6e559\",\"choices\":[";
        StringBuilder sse = new StringBuilder(chunks * 260);
        sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        for (int i = 0; i < chunks; i++) {
            sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{\"content\":\" word").append(i)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        sse.append("data: ").append(head).append("{\"index\":0,\"delta\":{},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        sse.append("data: ").append(head).append("],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":")
                .append(chunks).append(",\"total_tokens\":").append(19 + chunks).append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    static String resource(String name) {
        try (InputStream in = Bodies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
