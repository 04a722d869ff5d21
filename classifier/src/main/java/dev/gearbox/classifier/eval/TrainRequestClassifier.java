package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.PromptRow;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.EmbeddingCache;
import dev.gearbox.classifier.requestclass.RequestClass;
import dev.gearbox.classifier.requestclass.RequestClassLabels;
import dev.gearbox.classifier.requestclass.RequestClassifier;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains the request-class centroids on arena-hard v2.0 categories, MMLU domains and GSM8K,
 * prints 5-fold accuracy per class and the predicted mix of the unlabeled arena-hard v0.1 prompts,
 * and writes the bundled JSON. Usage: {@code TrainRequestClassifier [dataDir] [outFile]}.
 */
public final class TrainRequestClassifier {

    static final double MIN_SIMILARITY = 0.15;

    private TrainRequestClassifier() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("src/main/resources" + RequestClassifierFile.BUNDLED);
        RoutingDataReader reader = new RoutingDataReader();
        List<String> texts = new ArrayList<>();
        List<RequestClass> labels = new ArrayList<>();
        for (RoutingRow row : reader.readAll(dataDir)) {
            Optional<RequestClass> c = RequestClassLabels.ofRoutingRow(row.source(), row.domain());
            c.ifPresent(label -> {
                texts.add(ConversationText.of(row.firstTurnRequest()));
                labels.add(label);
            });
        }
        List<String> unlabeled = new ArrayList<>();
        for (PromptRow p : reader.readPrompts(dataDir)) {
            Optional<RequestClass> c = RequestClassLabels.ofArenaCategory(p.category());
            if (c.isPresent()) {
                texts.add(p.firstUserText());
                labels.add(c.get());
            } else {
                unlabeled.add(p.firstUserText());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool);
            EmbeddingCache cache = EmbeddingCache.open(ExperimentPaths.defaultCache());
            List<float[]> embeddings = cache.embedAll(texts, embedder);
            crossValidate(texts, embeddings, labels);
            RequestClassifier classifier = RequestClassifier.train(embeddings, labels, MIN_SIMILARITY);
            Map<RequestClass, Integer> mix = new TreeMap<>();
            List<float[]> unlabeledEmbeddings = cache.embedAll(unlabeled, embedder);
            for (int i = 0; i < unlabeled.size(); i++) {
                mix.merge(classifier.classify(unlabeled.get(i), unlabeledEmbeddings.get(i)), 1, Integer::sum);
            }
            System.out.println("predicted mix of " + unlabeled.size() + " unlabeled arena-hard v0.1 prompts: " + mix);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                RequestClassifierFile.write(classifier, o);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void crossValidate(List<String> texts, List<float[]> embeddings, List<RequestClass> labels) {
        int k = 5;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(ChosenRouter.SEED));
        Map<RequestClass, int[]> perClass = new EnumMap<>(RequestClass.class);
        for (int f = 0; f < k; f++) {
            List<float[]> trainE = new ArrayList<>();
            List<RequestClass> trainL = new ArrayList<>();
            for (int pos = 0; pos < order.size(); pos++) {
                if (pos % k != f) {
                    trainE.add(embeddings.get(order.get(pos)));
                    trainL.add(labels.get(order.get(pos)));
                }
            }
            RequestClassifier model = RequestClassifier.train(trainE, trainL, MIN_SIMILARITY);
            for (int pos = f; pos < order.size(); pos += k) {
                int i = order.get(pos);
                int[] counts = perClass.computeIfAbsent(labels.get(i), c -> new int[2]);
                counts[1]++;
                if (model.classify(texts.get(i), embeddings.get(i)) == labels.get(i)) {
                    counts[0]++;
                }
            }
        }
        perClass.forEach((c, n) -> System.out.printf("%-10s %5d rows, 5-fold accuracy %.3f%n", c.tag(), n[1],
                (double) n[0] / n[1]));
    }
}
