package dev.gearbox.server.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.docker.PromQlReferences.LabelUse;
import org.junit.jupiter.api.Test;

class PromQlReferencesTest {
    @Test
    void findsTheSeriesAndTheLabelsOfSelectorsAndAggregations() {
        PromQlReferences refs = PromQlReferences.of(
                "sum by (class, tier) (increase(gearbox_a_total{class=~\"$class\",cache!=\"none\"}[$__range]))"
                        + " / on (class) group_left sum by (class) (increase(gearbox_b_total[$__range]))");

        assertThat(refs.metrics()).containsExactlyInAnyOrder("gearbox_a_total", "gearbox_b_total");
        assertThat(refs.labelUses()).containsExactlyInAnyOrder(
                new LabelUse("gearbox_a_total", "class"), new LabelUse("gearbox_a_total", "cache"),
                new LabelUse("gearbox_a_total", "class"), new LabelUse("gearbox_a_total", "tier"),
                new LabelUse("gearbox_b_total", "class"));
    }

    @Test
    void readsHistogramQuantilesAndPlainAggregations() {
        PromQlReferences refs = PromQlReferences.of(
                "histogram_quantile(0.95, sum by (le, deployment) (rate(gearbox_x_seconds_bucket[1m])))"
                        + " + min by (deployment) (gearbox_health)");

        assertThat(refs.labelUses()).containsExactlyInAnyOrder(
                new LabelUse("gearbox_x_seconds_bucket", "le"), new LabelUse("gearbox_x_seconds_bucket", "deployment"),
                new LabelUse("gearbox_health", "deployment"));
    }

    @Test
    void readsGrafanaLabelValuesQueries() {
        PromQlReferences refs = PromQlReferences.of("label_values(gearbox_a_total, class)");

        assertThat(refs.metrics()).containsExactly("gearbox_a_total");
        assertThat(refs.labelUses()).containsExactly(new LabelUse("gearbox_a_total", "class"));
    }

    @Test
    void findsNothingInAQueryOverOtherSeries() {
        PromQlReferences refs = PromQlReferences.of("sum(rate(jvm_gc_pause_seconds_count[1m]))");

        assertThat(refs.metrics()).isEmpty();
        assertThat(refs.labelUses()).isEmpty();
    }
}
