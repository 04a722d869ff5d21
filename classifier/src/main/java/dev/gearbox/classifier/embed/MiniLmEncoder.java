package dev.gearbox.classifier.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (quantized; weights and tokenizer from the langchain4j jar) run directly on ONNX
 * Runtime: tokenize once, run the session, mean-pool the token vectors. Written here rather than
 * using langchain4j's encoder because that one tokenizes every text twice, copies the output into
 * nested Java arrays, and lets the tokenizer file's right truncation drop the end of long texts;
 * at 128 word pieces the direct path saved about 0.3 ms per call (classifier/EXPERIMENTS.md).
 *
 * <p>Each call runs on its caller's thread with one ONNX thread and no spinning workers: on a small
 * box serving concurrent requests, per-call parallelism only oversubscribes the cores. Batching
 * padded texts into one run was measured slower per text on this CPU (EXPERIMENTS.md), so each
 * text is its own run. Thread-safe: an ONNX session may be run concurrently.
 */
final class MiniLmEncoder {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final String OUTPUT = "last_hidden_state";

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final BoundedWordPieces pieces;

    /**
     * @param maxTokens      word pieces per text, special tokens included (the model takes at most 512)
     * @param intraOpThreads ONNX Runtime threads per call; 1 runs each call on its caller's thread
     */
    MiniLmEncoder(int maxTokens, int intraOpThreads) {
        if (maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be at most 512 (the model's positions), got " + maxTokens);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        ClassLoader loader = MiniLmEncoder.class.getClassLoader();
        try (InputStream model = resource(loader, MODEL); InputStream vocabulary = resource(loader, TOKENIZER)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            long[] specials = tokenizer.encode("", true, false).getIds();
            this.pieces = new BoundedWordPieces(this::wordPieces, specials[0], specials[specials.length - 1], maxTokens);
            this.session = env.createSession(model.readAllBytes(), options(intraOpThreads));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the ONNX embedding session: " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions options(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // idle ONNX workers must not spin on cores the other requests need
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath");
        }
        return in;
    }

    private long[] wordPieces(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** What the model reads of a text. */
    BoundedWordPieces.ModelInput input(String text) {
        return pieces.input(text);
    }

    /** The mean of the input's token vectors (not normalized). */
    float[] encode(BoundedWordPieces.ModelInput modelInput) {
        long[] ids = modelInput.ids();
        int n = ids.length;
        long[] mask = new long[n];
        Arrays.fill(mask, 1L);
        long[] shape = {1, n};
        try (OnnxTensor tokens = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", tokens, "attention_mask", attention, "token_type_ids", types), Set.of(OUTPUT))) {
            return meanOverTokens(((OnnxTensor) result.get(0)).getFloatBuffer(), n);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    private static float[] meanOverTokens(FloatBuffer hidden, int tokens) {
        float[] sum = new float[Embedder.DIMENSION];
        for (int t = 0; t < tokens; t++) {
            int row = t * Embedder.DIMENSION;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += hidden.get(row + d);
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= tokens;
        }
        return sum;
    }
}
