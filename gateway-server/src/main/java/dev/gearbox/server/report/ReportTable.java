package dev.gearbox.server.report;

import java.io.PrintWriter;
import java.util.List;

/** Prints the per-class report as a fixed-width table, one row per class and a total row. */
public final class ReportTable {
    static final List<String> TIERS = List.of("fast", "balanced", "frontier");

    private ReportTable() {
    }

    public static void print(List<ClassReport> reports, PrintWriter out) {
        out.printf("%-16s %8s %6s %6s %9s %9s %10s %10s %12s %13s %8s %9s %9s%n", "class", "requests", "errors",
                "fast", "balanced", "frontier", "escalated", "cache hit", "cost USD", "baseline USD", "savings",
                "p50 ms", "p95 ms");
        for (ClassReport r : reports) {
            out.printf("%-16s %8d %6d %6s %9s %9s %10s %10s %12.6f %13.6f %8s %9.0f %9.0f%n", r.requestClass(),
                    r.requests(), r.errors(), pct(r.tierShare("fast")), pct(r.tierShare("balanced")),
                    pct(r.tierShare("frontier")), pct(r.escalationRate()), pct(r.cacheHitRate()), r.costUsd(),
                    r.baselineUsd(), String.format("%.1f%%", r.savingsPct()), r.p50Ms(), r.p95Ms());
        }
        out.flush();
    }

    private static String pct(double share) {
        return String.format("%.1f%%", 100 * share);
    }
}
