package dev.gearbox.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.core.telemetry.log.DecisionLine;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-class aggregation: shares, rates, costs, savings and nearest-rank latency percentiles. */
class DecisionReportTest {

    static DecisionLine line(String cls, String tier, String outcome, double ms, double cost, double baseline,
                             boolean escalated, String cache) {
        return new DecisionLine("r", "2026-11-24T10:00:00Z", "t", "auto", false, outcome, null, cls, null, null, null,
                tier, tier == null ? null : tier + "-1", escalated ? "cascade" : "route",
                escalated ? new DecisionLine.CascadeEntry("fast", true, List.of()) : null, cache, null, List.of(),
                new DecisionLine.Latency(ms, ms - 1, 1, null), 10L, 10L, cost, baseline, "frontier-1", null, null);
    }

    @Test
    void summarisesEachClassAndTheTotal() {
        List<DecisionLine> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(line("code", i <= 6 ? "fast" : "frontier", "ok", i * 100, 0.001, 0.010, i == 7, null));
        }
        lines.add(line("math", "balanced", "ok", 50, 0, 0.02, false, "hit-exact"));
        lines.add(line("math", null, "upstream_timeout", 5_000, 0, 0, false, null));

        List<ClassReport> reports = DecisionReport.of(lines);

        assertThat(reports).extracting(ClassReport::requestClass).containsExactly("code", "math", "all");
        ClassReport code = reports.get(0);
        assertThat(code.requests()).isEqualTo(10);
        assertThat(code.tierShare("fast")).isEqualTo(0.6);
        assertThat(code.tierShare("frontier")).isEqualTo(0.4);
        assertThat(code.escalationRate()).isEqualTo(0.1);
        assertThat(code.costUsd()).isCloseTo(0.01, within(1e-12));
        assertThat(code.baselineUsd()).isCloseTo(0.1, within(1e-12));
        assertThat(code.savingsPct()).isCloseTo(90, within(1e-9));
        assertThat(code.p50Ms()).isEqualTo(500);
        assertThat(code.p95Ms()).isEqualTo(1000);
        ClassReport math = reports.get(1);
        assertThat(math.errors()).isEqualTo(1);
        assertThat(math.cacheHitRate()).isEqualTo(0.5);
        assertThat(math.tierShare("balanced")).as("of answered requests").isEqualTo(1.0);
        assertThat(math.savingsPct()).isEqualTo(100);
        assertThat(reports.get(2).requests()).isEqualTo(12);
    }

    @Test
    void printsATableAndDrawsAChart() {
        List<ClassReport> reports = DecisionReport.of(List.of(line("code", "fast", "ok", 120, 0.001, 0.004, false, null),
                line("chat", "frontier", "ok", 300, 0.004, 0.004, false, null)));
        StringWriter text = new StringWriter();

        ReportTable.print(reports, new PrintWriter(text));
        BufferedImage image = ReportChart.render(reports);

        assertThat(text.toString().lines()).hasSize(4);
        assertThat(text.toString().lines().skip(1).findFirst().orElseThrow())
                .startsWith("chat").contains("100.0%", "0.0%", "300");
        assertThat(text.toString()).contains("75.0%");
        assertThat(image.getWidth()).isPositive();
        assertThat(pixels(image, 0x1f77b4)).as("cost bars drawn").isPositive();
        assertThat(pixels(image, 0xd62728)).as("frontier share drawn").isPositive();
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void percentilesUseTheNearestRank() {
        assertThat(DecisionReport.percentile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2);
        assertThat(DecisionReport.percentile(new double[] {1, 2, 3, 4}, 0.95)).isEqualTo(4);
        assertThat(DecisionReport.percentile(new double[] {}, 0.5)).isZero();
    }
}
