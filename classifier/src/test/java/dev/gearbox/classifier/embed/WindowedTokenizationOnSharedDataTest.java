package dev.gearbox.classifier.embed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.gearbox.classifier.data.SharedTexts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedder tokenizes only a window at each end of a long text. On every shared message and
 * recorded answer, its model input must be exactly what tokenizing the whole text and keeping the
 * first and last pieces gives: otherwise served embeddings would drift from the trained ones.
 */
class WindowedTokenizationOnSharedDataTest {

    @Test
    void windowsGiveTheWholeTextsPiecesOnEverySharedText() throws IOException {
        List<String> texts = SharedTexts.allOrSkip();
        Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
        List<String> differing = new ArrayList<>();
        try (InputStream json = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                HuggingFaceTokenizer whole = HuggingFaceTokenizer.newInstance(json,
                        Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true"))) {
            for (String text : texts) {
                if (!Arrays.equals(embedder.inputIds(text), headAndTail(whole.encode(text).getIds(), Embedder.DEFAULT_MAX_TOKENS))) {
                    differing.add(text.substring(0, Math.min(60, text.length())));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(13_000);
        assertThat(differing).isEmpty();
    }

    /** [CLS] + the first and last pieces within the bound + [SEP], from a whole-text encoding with both. */
    private static long[] headAndTail(long[] all, int bound) {
        if (all.length <= bound) {
            return all;
        }
        int pieces = bound - 2;
        int head = (pieces + 1) / 2;
        int tail = pieces - head;
        long[] out = new long[bound];
        out[0] = all[0];
        System.arraycopy(all, 1, out, 1, head);
        System.arraycopy(all, all.length - 1 - tail, out, 1 + head, tail);
        out[bound - 1] = all[all.length - 1];
        return out;
    }
}
