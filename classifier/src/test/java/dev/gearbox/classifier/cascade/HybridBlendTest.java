package dev.gearbox.classifier.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.Folds;
import dev.gearbox.classifier.eval.RouterEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HybridBlendTest {

    private static RoutingRow row(String source, int i, double weak, double strong) {
        return new RoutingRow(source + "/" + i, source, "d", "binary", List.of(new RoutingRow.RowMessage("user", "q")),
                weak, strong, "a", "s");
    }

    @Test
    void ranksAreWithinEachSourceAndTiesShareTheirMeanRank() {
        List<RoutingRow> rows = List.of(row("a", 0, 0, 1), row("a", 1, 0, 1), row("a", 2, 0, 1), row("b", 0, 0, 1),
                row("b", 1, 0, 1));

        double[] ranks = HybridBlend.ranksWithinSource(rows, new double[] {0.3, 0.1, 0.3, 5, 2});

        assertThat(ranks).containsExactly(0.75, 0.0, 0.75, 1.0, 0.0);
    }

    @Test
    void withAUselessRouterTheCrossValidatedBlendFollowsTheCascade() {
        Random random = new Random(7);
        List<RoutingRow> rows = new ArrayList<>();
        double[] router = new double[200];
        double[] cascade = new double[200];
        for (int i = 0; i < 200; i++) {
            boolean weakFails = i % 4 == 0;
            rows.add(row("s", i, weakFails ? 0 : 1, 1));
            router[i] = random.nextDouble();
            cascade[i] = weakFails ? 0.6 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble();
        }

        HybridBlend.Result r = HybridBlend.outOfFold(rows, router, cascade, Folds.rowKFold(rows, 5, 1));

        assertThat(r.chosen()).hasSize(5).allSatisfy(c -> assertThat(c.routerWeight()).isLessThanOrEqualTo(0.2));
        double hybrid = RouterEvaluator.perSource(rows, r.scores()).get(0).report().apgr();
        double routerAlone = RouterEvaluator.perSource(rows, router).get(0).report().apgr();
        assertThat(hybrid).isGreaterThan(routerAlone + 0.2);
    }

    @Test
    void theChoiceRepeatsForASeed() {
        List<RoutingRow> rows = new ArrayList<>();
        Random random = new Random(3);
        double[] router = new double[60];
        double[] cascade = new double[60];
        for (int i = 0; i < 60; i++) {
            rows.add(row("s", i, random.nextInt(2), random.nextInt(2)));
            router[i] = random.nextDouble();
            cascade[i] = random.nextDouble();
        }

        HybridBlend.Result a = HybridBlend.outOfFold(rows, router, cascade, Folds.rowKFold(rows, 5, 9));
        HybridBlend.Result b = HybridBlend.outOfFold(rows, router, cascade, Folds.rowKFold(rows, 5, 9));

        assertThat(a.scores()).containsExactly(b.scores());
        assertThat(a.chosen()).isEqualTo(b.chosen());
    }
}
