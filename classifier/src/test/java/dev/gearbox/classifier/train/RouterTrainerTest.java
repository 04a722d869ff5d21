package dev.gearbox.classifier.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.eval.Target;
import dev.gearbox.classifier.model.Example;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.model.WeightedKnn;
import dev.gearbox.classifier.signals.Signals;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterTrainerTest {

    private static ExecutorService pool;
    private static Embedder embedder;

    @BeforeAll
    static void load() {
        pool = Executors.newFixedThreadPool(2);
        embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static RoutingRow row(int i, String prompt, double weak, double strong) {
        return new RoutingRow("r" + i, "s", "d", "binary", List.of(new RoutingRow.RowMessage("system", "be brief"),
                new RoutingRow.RowMessage("user", prompt)), weak, strong, null, null);
    }

    @Test
    void examplesCarryTheGatewaysEmbeddingSignalsAndTarget() {
        List<RoutingRow> rows = List.of(row(0, "What is 2 + 2?", 0, 1), row(1, "Name a colour.", 1, 1));
        List<int[]> reports = new ArrayList<>();

        List<float[]> embeddings = RouterTrainer.embed(rows, embedder, (done, total) -> reports.add(new int[] {done, total}));
        List<Example> examples = RouterTrainer.examples(rows, embeddings, Target.GAIN);

        assertThat(embeddings.get(0)).containsExactly(embedder.embed("What is 2 + 2?"));
        assertThat(examples.get(0).signals()).containsExactly(Signals.of(rows.get(0).firstTurnRequest()).toFeatures());
        assertThat(examples).extracting(Example::target).containsExactly(1.0, 0.5);
        assertThat(reports).extracting(r -> r[0]).containsExactly(0, 2);
    }

    @Test
    void trainsWritesAndReadsBackTheSameScores(@TempDir Path dir) throws Exception {
        List<RoutingRow> rows = List.of(row(0, "Prove the Riemann hypothesis.", 0, 1), row(1, "Say hi.", 1, 1),
                row(2, "Integrate x^2 sin x.", 0, 1));
        RouterTrainer trainer = new RouterTrainer(embedder, WeightedKnn.family(2, 1), Target.HARD);

        RoutingModel model = trainer.train(rows, (done, total) -> { });
        Path file = dir.resolve("nested/model.bin.gz");
        RouterTrainer.write(model, file);

        RoutingModel read;
        try (InputStream in = Files.newInputStream(file)) {
            read = ModelCodec.read(in);
        }
        float[] e = embedder.embed("Say hi.");
        double[] s = Signals.of(rows.get(1).firstTurnRequest()).toFeatures();
        assertThat(read.score(e, s)).isCloseTo(model.score(e, s), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trainer.familyName()).isEqualTo("knn(k=2,p=1.0)");
    }

    @Test
    void refusesToTrainOnNothing() {
        assertThatThrownBy(() -> RouterTrainer.chosen(embedder, 42).train(List.of(), (d, t) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no training rows");
    }
}
