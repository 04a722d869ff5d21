package dev.gearbox.classifier.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized) from the langchain4j jar, on an ONNX session whose thread use we
 * choose. The stock model lets ONNX Runtime spread every call over all cores with spinning
 * workers; on a small box serving concurrent requests that oversubscribes the cores, so the
 * gateway runs each call on the calling thread alone and gets parallelism from concurrent calls.
 * Same weights, tokenizer and mean pooling as the stock model, so its vectors are unchanged.
 */
final class MiniLmSession extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    /**
     * @param intraOpThreads ONNX Runtime threads per call; 1 runs each call on its caller's thread
     * @param executor       runs the batch method's work
     */
    MiniLmSession(int intraOpThreads, Executor executor) {
        super(executor);
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        ClassLoader loader = MiniLmSession.class.getClassLoader();
        try (InputStream model = resource(loader, MODEL); InputStream tokenizer = resource(loader, TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // idle ONNX workers must not spin on cores the other requests need
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the ONNX embedding session: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
