package dev.gearbox.classifier.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What an embedding costs on this CPU, for choosing the input bound and deciding on micro-batching.
 * On the served MiniLM session settings (one ONNX thread, no spinning) it prints (1) the time of one
 * run by input length in word pieces, and (2) over the arena-hard prompts cut to {@code maxTokens}
 * pieces, the time per text with one text per run and with padded batches of 4 and 8 texts per run.
 * Not run by the build:
 * {@code java -cp "classifier/target/test-classes:classifier/target/classes:$(cat /tmp/cpt.txt)"
 * dev.gearbox.classifier.bench.EncoderCostProbe /work/shared/data [maxTokens=128] [texts=400]}.
 */
public final class EncoderCostProbe {

    private EncoderCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int maxTokens = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        ObjectMapper mapper = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("prompts/arena_hard.jsonl"))) {
            texts.add(mapper.readTree(line).path("messages").path(0).path("content").asText());
        }
        texts = texts.subList(0, Math.min(count, texts.size()));
        ClassLoader loader = EncoderCostProbe.class.getClassLoader();
        HuggingFaceTokenizer tokenizer;
        byte[] model;
        try (InputStream t = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                InputStream m = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            tokenizer = HuggingFaceTokenizer.newInstance(t, Map.of("truncation", "false", "padding", "false"));
            model = m.readAllBytes();
        }
        List<long[]> ids = new ArrayList<>();
        for (String text : texts) {
            long[] all = tokenizer.encode(text).getIds();
            long[] cut = Arrays.copyOf(all, Math.min(all.length, maxTokens));
            cut[cut.length - 1] = all[all.length - 1];
            ids.add(cut);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        try (OrtSession session = env.createSession(model, options)) {
            byLength(env, session, ids.get(0)[0], ids.get(0)[ids.get(0).length - 1]);
            for (int round = 0; round < 2; round++) {
                System.out.printf("round %d (%d texts, <= %d pieces)%n", round + 1, ids.size(), maxTokens);
                for (int batch : new int[] {1, 4, 8}) {
                    long start = System.nanoTime();
                    int done = 0;
                    for (int i = 0; i + batch <= ids.size(); i += batch) {
                        run(env, session, ids.subList(i, i + batch));
                        done += batch;
                    }
                    System.out.printf("  batch %d: %.2f ms per text%n", batch, (System.nanoTime() - start) / 1e6 / done);
                }
            }
        }
    }

    /** Median time of one run by input length (random ordinary word pieces between [CLS] and [SEP]). */
    private static void byLength(OrtEnvironment env, OrtSession session, long cls, long sep) throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 2; round++) {
            for (int length : new int[] {8, 16, 32, 64, 96, 128, 256, 512}) {
                double[] millis = new double[50];
                for (int i = 0; i < millis.length; i++) {
                    long[] row = new long[length];
                    for (int k = 1; k < length - 1; k++) {
                        row[k] = 1000 + random.nextInt(20_000);
                    }
                    row[0] = cls;
                    row[length - 1] = sep;
                    long start = System.nanoTime();
                    run(env, session, List.of(row));
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                if (round == 1) { // the first round warms up
                    System.out.printf("  one run of %3d pieces: p50 %.2f ms%n", length, millis[millis.length / 2]);
                }
            }
        }
    }

    /** One run over texts padded to the longest; padding is masked out, as a batching embedder would. */
    private static void run(OrtEnvironment env, OrtSession session, List<long[]> batch) throws Exception {
        int width = batch.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] tokens = new long[batch.size() * width];
        long[] mask = new long[tokens.length];
        for (int b = 0; b < batch.size(); b++) {
            long[] row = batch.get(b);
            System.arraycopy(row, 0, tokens, b * width, row.length);
            Arrays.fill(mask, b * width, b * width + row.length, 1L);
        }
        long[] shape = {batch.size(), width};
        try (OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens), shape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor y = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[tokens.length]), shape);
                OrtSession.Result r = session.run(Map.of("input_ids", t, "attention_mask", m, "token_type_ids", y),
                        Set.of("last_hidden_state"))) {
            r.get(0);
        }
    }
}
