package dev.gearbox.classifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Ten prompts with route scores 0.0, 0.1, ..., 0.9, so cut k of the curve sends exactly the top k
 * prompts strong. The strong model is right everywhere; the weak one fails on two prompts, so
 * weak quality is 0.8 and strong quality 1.0. Where those two prompts sit decides the numbers.
 */
class RouterMetricsTest {

    private static final double[] ROUTE = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final double[] STRONG = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    @Test
    void perfectRouterSendsTheTwoHardPromptsFirst() {
        double[] weak = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        RouterMetrics.Report r = RouterMetrics.evaluate(ROUTE, weak, STRONG);
        // curve: 0.8, 0.9, 1.0 x9 -> area 0.085 + 0.095 + 0.8 = 0.98
        assertThat(r.weakQuality()).isCloseTo(0.8, within(1e-12));
        assertThat(r.strongQuality()).isCloseTo(1.0, within(1e-12));
        assertThat(r.apgr()).isCloseTo(0.9, within(1e-9));
        assertThat(r.cpt50()).isCloseTo(0.1, within(1e-9));
        assertThat(r.cpt80()).isCloseTo(0.16, within(1e-9));
    }

    @Test
    void invertedRouterSendsTheHardPromptsLast() {
        double[] weak = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        RouterMetrics.Report r = RouterMetrics.evaluate(ROUTE, weak, STRONG);
        // curve: 0.8 x9, 0.9, 1.0 -> area 0.64 + 0.085 + 0.095 = 0.82
        assertThat(r.apgr()).isCloseTo(0.1, within(1e-9));
        assertThat(r.cpt50()).isCloseTo(0.9, within(1e-9));
        assertThat(r.cpt80()).isCloseTo(0.96, within(1e-9));
    }

    @Test
    void halfRightRouterScoresOneHalf() {
        double[] weak = {0, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        RouterMetrics.Report r = RouterMetrics.evaluate(ROUTE, weak, STRONG);
        // curve: 0.8, 0.9 x9, 1.0 -> area 0.085 + 0.72 + 0.095 = 0.9
        assertThat(r.apgr()).isCloseTo(0.5, within(1e-9));
        assertThat(r.cpt50()).isCloseTo(0.1, within(1e-9));
        assertThat(r.cpt80()).isCloseTo(0.96, within(1e-9));
        assertThat(r.curve()).hasSize(11);
        assertThat(r.curve().get(0)).isEqualTo(new RouterMetrics.CurvePoint(0, 0.8));
        assertThat(r.curve().get(5).strongShare()).isCloseTo(0.5, within(1e-12));
        assertThat(r.curve().get(5).quality()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void constantScoresSendEveryoneStrongAtEveryCutAndScoreOneHalf() {
        double[] route = new double[10];
        double[] weak = {0, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        RouterMetrics.Report r = RouterMetrics.evaluate(route, weak, STRONG);
        assertThat(r.apgr()).isCloseTo(0.5, within(1e-9));
        assertThat(r.curve().get(1).strongShare()).isEqualTo(1.0);
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(RouterMetrics.quantile(sorted, 0.5)).isCloseTo(2.5, within(1e-12));
        assertThat(RouterMetrics.quantile(sorted, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(RouterMetrics.quantile(sorted, 1.0)).isEqualTo(4.0);
        assertThat(RouterMetrics.quantile(sorted, 0.0)).isEqualTo(1.0);
    }

    @Test
    void judgeScoresAreUsedAsTheyAre() {
        double[] route = {0.9, 0.1};
        double[] weak = {4, 8};
        double[] strong = {9, 8};
        RouterMetrics.Report r = RouterMetrics.evaluate(route, weak, strong);
        assertThat(r.weakQuality()).isEqualTo(6.0);
        assertThat(r.strongQuality()).isEqualTo(8.5);
        assertThat(r.apgr()).isGreaterThan(0.5);
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThatThrownBy(() -> RouterMetrics.evaluate(new double[2], new double[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2, 2, 1");
        assertThatThrownBy(() -> RouterMetrics.evaluate(new double[0], new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
