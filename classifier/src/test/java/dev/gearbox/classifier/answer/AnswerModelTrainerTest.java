package dev.gearbox.classifier.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.classifier.model.ModelCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on a slice of the real rows: repeatable byte for byte, and the shipped model fits today's features. */
class AnswerModelTrainerTest {

    private static ExecutorService pool;
    private static List<RoutingRow> rows;
    private static List<AnswerInput> inputs;

    @BeforeAll
    static void embedSlice() {
        pool = Executors.newFixedThreadPool(2);
        rows = new ArrayList<>(AnswerModelTrainer.usable(SharedAnswerRows.read("gsm8k.train.jsonl")).subList(0, 40));
        rows.addAll(AnswerModelTrainer.usable(SharedAnswerRows.read("arena_bench_v1.jsonl")).subList(0, 20));
        inputs = new AnswerEmbeddings(new Embedder(Embedder.DEFAULT_MAX_TOKENS, pool), null).inputs(rows, Progress.NONE);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void trainingIsDeterministic() throws IOException {
        byte[] first = bytes(AnswerModelTrainer.train(rows, inputs, AnswerModelTrainer.chosenFamily()));
        byte[] second = bytes(AnswerModelTrainer.train(rows, inputs, AnswerModelTrainer.chosenFamily()));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void examplesJoinBothEmbeddingsAndTheSignals() {
        var examples = AnswerModelTrainer.examples(rows, inputs);

        assertThat(examples).hasSize(60);
        assertThat(examples.get(0).embedding()).hasSize(2 * Embedder.DIMENSION);
        assertThat(examples.get(0).signals()).hasSize(AnswerInput.SIGNALS);
        assertThat(examples).extracting(e -> e.target()).containsOnly(0.0, 1.0);
    }

    @Test
    void theShippedModelReadsTodaysFeaturesAndRanksGoodAnswersHigher() {
        AnswerQualityModel shipped = AnswerQualityModel.bundled();
        double good = 0;
        double bad = 0;
        int goodN = 0;
        for (int i = 0; i < rows.size(); i++) {
            double p = shipped.probabilityGood(inputs.get(i));
            assertThat(p).isBetween(0.0, 1.0);
            if (AnswerLabel.goodEnough(rows.get(i)) == 1) {
                good += p;
                goodN++;
            } else {
                bad += p;
            }
        }
        assertThat(good / goodN).isGreaterThan(bad / (rows.size() - goodN));
    }

    private static byte[] bytes(AnswerQualityModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(model.routingModel(), out);
        return out.toByteArray();
    }
}
