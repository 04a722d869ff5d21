package dev.gearbox.classifier.cascade;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.Folds;
import dev.gearbox.classifier.eval.RouterEvaluator;
import dev.gearbox.classifier.metrics.RouterMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores cascades offline on labeled rows that carry the cheap answer, per source: each gate's
 * quality-versus-escalation curve over its settings and its APGR/CPT when its escalation score is
 * read as a router score; routing alone (the router's score); and the hybrid, which routes with
 * the router's fast threshold and cascades the rows kept cheap through the gate chain. The
 * hybrid's APGR ranks rows by a {@link HybridBlend} chosen by cross-validation.
 */
public final class CascadeEvaluation {

    /** Folds used to choose the hybrid blend. */
    public static final int BLEND_FOLDS = 5;

    /** One gate on one source: its curve, the point at its default setting, and its metrics as a router. */
    public record GateResult(String gate, List<OperatingPoint> curve, OperatingPoint atDefault, RouterMetrics.Report asRouter) {
        public GateResult {
            curve = List.copyOf(curve);
        }
    }

    /**
     * Routing then cascading at the defaults: {@code routedStrongShare} of rows leave the cheap tier
     * on the router's score; {@code escalationRate} of the rows kept cheap are escalated by the chain.
     */
    public record HybridDefault(double routedStrongShare, double escalationRate, OperatingPoint point) {
    }

    /** Everything measured on one source's rows. */
    public record SourceResult(String source, int n, double weakQuality, double strongQuality,
                               RouterMetrics.Report router, OperatingPoint routerDefault, List<GateResult> gates, GateResult chain,
                               RouterMetrics.Report hybrid, HybridDefault hybridDefault) {
        public SourceResult {
            gates = List.copyOf(gates);
        }
    }

    /** The per-source results and the blend each cross-validation fold chose for the hybrid. */
    public record Result(List<SourceResult> sources, List<HybridBlend.Candidate> hybridChoices) {
        public Result {
            sources = List.copyOf(sources);
            hybridChoices = List.copyOf(hybridChoices);
        }
    }

    private CascadeEvaluation() {
    }

    /**
     * @param rows              rows that carry the weak answer, in the order of every score array
     * @param routerScores      the router's P(strong needed) per row
     * @param routerFastBelow   rows scoring below this stay on the cheap tier (the calibrated fast threshold)
     * @param gates             every gate's scores on the rows, reported one by one
     * @param chain             the gates run together (the cascade the hybrid uses)
     * @param seed              drives the folds that choose the hybrid blend
     */
    public static Result evaluate(List<RoutingRow> rows, double[] routerScores, double routerFastBelow,
                                  List<GateScores> gates, GateScores chain, long seed) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        HybridBlend.Result hybrid = HybridBlend.outOfFold(rows, routerScores, chain.escalation(),
                Folds.rowKFold(rows, Math.min(BLEND_FOLDS, rows.size()), seed));
        boolean[] chainDefault = chain.escalates(chain.defaultSetting());
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySource.computeIfAbsent(rows.get(i).source(), s -> new ArrayList<>()).add(i);
        }
        List<SourceResult> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> source : bySource.entrySet()) {
            int[] idx = source.getValue().stream().mapToInt(Integer::intValue).toArray();
            double[] weak = pick(rows, idx, true);
            double[] strong = pick(rows, idx, false);
            List<GateResult> gateResults = new ArrayList<>();
            for (GateScores g : gates) {
                gateResults.add(gateResult(g, idx, weak, strong));
            }
            RouterMetrics.Report router = RouterMetrics.evaluate(pick(routerScores, idx), weak, strong);
            out.add(new SourceResult(source.getKey(), idx.length, router.weakQuality(), router.strongQuality(), router,
                    hybridDefault(idx, routerScores, routerFastBelow, new boolean[rows.size()], weak, strong).point(),
                    gateResults, gateResult(chain, idx, weak, strong),
                    RouterMetrics.evaluate(pick(hybrid.scores(), idx), weak, strong),
                    hybridDefault(idx, routerScores, routerFastBelow, chainDefault, weak, strong)));
        }
        return new Result(out, hybrid.chosen());
    }

    private static GateResult gateResult(GateScores gate, int[] idx, double[] weak, double[] strong) {
        double[] scores = pick(gate.escalation(), idx);
        List<OperatingPoint> curve = new ArrayList<>();
        OperatingPoint atDefault = null;
        for (Setting s : gate.settings()) {
            boolean[] up = new boolean[idx.length];
            for (int j = 0; j < idx.length; j++) {
                up[j] = s.escalates(scores[j]);
            }
            OperatingPoint p = OperatingPoint.of(s.label(), up, weak, strong);
            curve.add(p);
            if (s.equals(gate.defaultSetting())) {
                atDefault = p;
            }
        }
        return new GateResult(gate.gate(), curve, atDefault, RouterMetrics.evaluate(scores, weak, strong));
    }

    static HybridDefault hybridDefault(int[] idx, double[] router, double fastBelow, boolean[] cascadeEscalates,
                                       double[] weak, double[] strong) {
        boolean[] strongCall = new boolean[idx.length];
        int routedStrong = 0;
        int cheap = 0;
        int escalated = 0;
        for (int j = 0; j < idx.length; j++) {
            int i = idx[j];
            if (router[i] >= fastBelow) {
                routedStrong++;
                strongCall[j] = true;
            } else {
                cheap++;
                if (cascadeEscalates[i]) {
                    escalated++;
                    strongCall[j] = true;
                }
            }
        }
        return new HybridDefault((double) routedStrong / idx.length, cheap == 0 ? 0 : (double) escalated / cheap,
                OperatingPoint.of("default", strongCall, weak, strong));
    }

    /** The reports as {@link dev.gearbox.classifier.eval.CurvePlot} draws them: one curve per source and policy. */
    public static List<RouterEvaluator.SourceReport> plotted(Result result) {
        List<RouterEvaluator.SourceReport> out = new ArrayList<>();
        for (SourceResult s : result.sources()) {
            out.add(new RouterEvaluator.SourceReport(s.source() + " router", s.n(), s.router()));
            out.add(new RouterEvaluator.SourceReport(s.source() + " cascade", s.n(), s.chain().asRouter()));
            out.add(new RouterEvaluator.SourceReport(s.source() + " hybrid", s.n(), s.hybrid()));
        }
        return out;
    }

    private static double[] pick(List<RoutingRow> rows, int[] idx, boolean weak) {
        double[] out = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            RoutingRow r = rows.get(idx[j]);
            out[j] = weak ? r.weakScore() : r.strongScore();
        }
        return out;
    }

    private static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            out[j] = values[idx[j]];
        }
        return out;
    }
}
