package dev.gearbox.providers.simulator;

import dev.gearbox.core.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately simple token estimate, close enough to BPE tokenizers for English to give
 * plausible usage numbers: one token per 4 characters (rounded up), plus 4 tokens of framing per
 * message and 3 for priming the reply, as OpenAI's chat format costs. Tool-call arguments and
 * names count as message text.
 */
final class ApproxTokenizer {
    static final int CHARS_PER_TOKEN = 4;
    private static final int PER_MESSAGE = 4;
    private static final int REPLY_PRIMING = 3;

    private ApproxTokenizer() {
    }

    /** Tokens of a text: ceil(chars / 4). */
    static int count(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Prompt tokens of a conversation. */
    static int countPrompt(List<Message> messages) {
        int total = REPLY_PRIMING;
        for (Message m : messages) {
            total += PER_MESSAGE + count(m.text()) + count(m.name());
            for (var call : m.toolCalls()) {
                total += count(call.name()) + count(call.arguments());
            }
        }
        return total;
    }

    /** Splits text into pieces of at most 4 characters: the "tokens" of generated JSON. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>((text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
        for (int i = 0; i < text.length(); i += CHARS_PER_TOKEN) {
            out.add(text.substring(i, Math.min(text.length(), i + CHARS_PER_TOKEN)));
        }
        return out;
    }
}
