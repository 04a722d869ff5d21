package dev.gearbox.server.cli;

import dev.gearbox.classifier.eval.RouterEvaluator;
import dev.gearbox.classifier.metrics.RouterMetrics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The per-source metrics table that {@code gearbox eval} prints; CPT columns are percent of strong calls. */
final class EvalTable {

    private static final String ROW = "%-24s %7s %8s %8s %7s %8s %8s%n";

    private EvalTable() {
    }

    static void print(List<RouterEvaluator.SourceReport> reports, PrintWriter out) {
        out.printf(Locale.ROOT, ROW, "source", "n", "weak", "strong", "APGR", "CPT(50%)", "CPT(80%)");
        for (RouterEvaluator.SourceReport s : reports) {
            RouterMetrics.Report r = s.report();
            out.printf(Locale.ROOT, ROW, s.source(), s.n(), num(r.weakQuality()), num(r.strongQuality()),
                    num(r.apgr()), pct(r.cpt50()), pct(r.cpt80()));
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
