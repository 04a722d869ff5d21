package dev.gearbox.server.cli;

import dev.gearbox.classifier.cascade.CascadeEvaluation;
import dev.gearbox.classifier.cascade.OperatingPoint;
import dev.gearbox.classifier.metrics.RouterMetrics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code gearbox eval-cascade} prints per source: each gate's quality-versus-escalation curve,
 * the policies' APGR/CPT with their operating point at the defaults, the 11-point curves of routing,
 * cascade and hybrid, and a WARNING when the cascade escalates more than {@value #WARN_ESCALATION_PCT}%
 * of answers at its defaults (the start tier is too weak for that traffic).
 */
final class CascadeTable {

    static final int WARN_ESCALATION_PCT = 60;
    private static final String CURVE_ROW = "  %-20s %-8s %10s %9s%n";
    private static final String POLICY_ROW = "  %-26s %7s %9s %9s %13s %9s%n";
    private static final String POINTS_ROW = "  %-8s %-16s %-16s %-16s%n";

    private CascadeTable() {
    }

    static void print(CascadeEvaluation.Result result, String router, double fastShare, double fastBelow, PrintWriter out) {
        out.printf(Locale.ROOT, "router %s: rows scoring below %.4f stay cheap (the lowest %.0f%% of its calibration prompts); "
                + "hybrid blend chosen per fold: %s%n", router, fastBelow, 100 * fastShare,
                result.hybridChoices().stream().map(c -> c.name()).toList());
        for (CascadeEvaluation.SourceResult s : result.sources()) {
            out.println();
            out.printf(Locale.ROOT, "== %s: n=%d, weak quality %s, strong quality %s%n", s.source(), s.n(),
                    num(s.weakQuality()), num(s.strongQuality()));
            printCurves(s, out);
            printPolicies(s, out);
            printPoints(s, out);
            warnings(s, out);
        }
    }

    private static void printCurves(CascadeEvaluation.SourceResult s, PrintWriter out) {
        out.println("quality versus escalation, starting every row on the cheap tier:");
        out.printf(Locale.ROOT, CURVE_ROW, "gate", "setting", "escalated", "quality");
        for (CascadeEvaluation.GateResult g : s.gates()) {
            curve(g, out);
        }
        curve(s.chain(), out);
    }

    private static void curve(CascadeEvaluation.GateResult g, PrintWriter out) {
        for (OperatingPoint p : g.curve()) {
            String mark = p == g.atDefault() && g.curve().size() > 1 ? " *" : "";
            out.printf(Locale.ROOT, CURVE_ROW, g.gate(), p.setting() + mark, pct(p.escalationRate()), num(p.quality()));
        }
    }

    private static void printPolicies(CascadeEvaluation.SourceResult s, PrintWriter out) {
        out.println("policies (* = default setting; strong calls and quality at the defaults):");
        out.printf(Locale.ROOT, POLICY_ROW, "policy", "APGR", "CPT(50%)", "CPT(80%)", "strong calls", "quality");
        policy("routing alone", s.router(), s.routerDefault(), out);
        for (CascadeEvaluation.GateResult g : s.gates()) {
            if (g.curve().size() > 1) {
                policy("gate " + g.gate(), g.asRouter(), g.atDefault(), out);
            } else {
                // an on/off gate ranks nothing: its 0/1 score has no 10% cuts to read APGR from
                out.printf(Locale.ROOT, POLICY_ROW, "gate " + g.gate(), "on/off", "-", "-",
                        pct(g.atDefault().escalationRate()), num(g.atDefault().quality()));
            }
        }
        policy("cascade (all gates)", s.chain().asRouter(), s.chain().atDefault(), out);
        policy("hybrid (route + cascade)", s.hybrid(), s.hybridDefault().point(), out);
        out.printf(Locale.ROOT, "  hybrid - routing alone: %+.3f APGR; the hybrid routes %s strong and escalates %s of the rest%n",
                s.hybrid().apgr() - s.router().apgr(), pct(s.hybridDefault().routedStrongShare()),
                pct(s.hybridDefault().escalationRate()));
    }

    private static void policy(String name, RouterMetrics.Report r, OperatingPoint atDefault, PrintWriter out) {
        out.printf(Locale.ROOT, POLICY_ROW, name, num(r.apgr()), pct(r.cpt50()), pct(r.cpt80()),
                pct(atDefault.escalationRate()), num(atDefault.quality()));
    }

    /** The 11 APGR points of each policy: share of strong calls and quality at each score cut. */
    private static void printPoints(CascadeEvaluation.SourceResult s, PrintWriter out) {
        out.println("APGR curves (strong calls -> quality at each 10% cut of the policy's score):");
        out.printf(Locale.ROOT, POINTS_ROW, "cut", "routing alone", "cascade", "hybrid");
        List<RouterMetrics.CurvePoint> r = s.router().curve();
        List<RouterMetrics.CurvePoint> c = s.chain().asRouter().curve();
        List<RouterMetrics.CurvePoint> h = s.hybrid().curve();
        for (int i = 0; i < r.size(); i++) {
            out.printf(Locale.ROOT, POINTS_ROW, i * 10 + "%", point(r.get(i)), point(c.get(i)), point(h.get(i)));
        }
    }

    private static void warnings(CascadeEvaluation.SourceResult s, PrintWriter out) {
        double cascade = s.chain().atDefault().escalationRate();
        if (cascade * 100 > WARN_ESCALATION_PCT) {
            out.printf(Locale.ROOT, "WARNING: %s: the cascade escalates %s of answers at its default settings (over %d%%): "
                    + "the start tier is too weak for this traffic; route it instead or start a tier higher%n",
                    s.source(), pct(cascade), WARN_ESCALATION_PCT);
        }
        double hybrid = s.hybridDefault().escalationRate();
        if (hybrid * 100 > WARN_ESCALATION_PCT) {
            out.printf(Locale.ROOT, "WARNING: %s: the hybrid escalates %s of the rows it keeps cheap (over %d%%): "
                    + "the start tier is too weak for this traffic; raise the routing split%n",
                    s.source(), pct(hybrid), WARN_ESCALATION_PCT);
        }
    }

    private static String point(RouterMetrics.CurvePoint p) {
        return String.format(Locale.ROOT, "%5.1f%% %s", 100 * p.strongShare(), num(p.quality()));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
