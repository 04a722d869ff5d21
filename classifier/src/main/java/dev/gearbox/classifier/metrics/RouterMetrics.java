package dev.gearbox.classifier.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The RouteLLM router metrics, as defined in the shared data README: cut the route scores at their
 * 10-quantiles, route every prompt scoring at or above a cut to the strong model, and read the mean
 * quality at each cut. The 11 points (0% .. 100% strong) form the quality curve; APGR is its area
 * above the weak model's, relative to the weak-to-strong gap, and CPT(p) is the share of strong
 * calls at which the curve first recovers p of that gap.
 */
public final class RouterMetrics {

    /** One point of the routing curve: the share of prompts sent strong and the mean quality. */
    public record CurvePoint(double strongShare, double quality) {
    }

    /** The curve and the numbers derived from it. CPT values are shares in [0,1]. */
    public record Report(List<CurvePoint> curve, double weakQuality, double strongQuality,
                         double apgr, double cpt50, double cpt80) {
        public Report {
            curve = List.copyOf(curve);
        }
    }

    private static final int CUTS = 10;

    private RouterMetrics() {
    }

    /**
     * Scores a router.
     *
     * @param routeScores  the router's score per prompt; higher means "send to the strong model"
     * @param weakScores   the weak model's measured quality per prompt
     * @param strongScores the strong model's measured quality per prompt
     */
    public static Report evaluate(double[] routeScores, double[] weakScores, double[] strongScores) {
        int n = routeScores.length;
        if (n == 0 || weakScores.length != n || strongScores.length != n) {
            throw new IllegalArgumentException("need the same, non-zero number of route, weak and strong scores; got "
                    + n + ", " + weakScores.length + ", " + strongScores.length);
        }
        List<CurvePoint> curve = curve(routeScores, weakScores, strongScores);
        double weak = mean(weakScores);
        double strong = mean(strongScores);
        double gap = strong - weak;
        double apgr = gap == 0 ? Double.NaN : (area(curve) - weak) / gap;
        return new Report(curve, weak, strong, apgr,
                costToReach(curve, weak + 0.5 * gap), costToReach(curve, weak + 0.8 * gap));
    }

    /** The 11-point curve, sorted by share of strong calls; the first point is 0%, the last 100%. */
    static List<CurvePoint> curve(double[] routeScores, double[] weakScores, double[] strongScores) {
        double[] sorted = routeScores.clone();
        Arrays.sort(sorted);
        List<CurvePoint> points = new ArrayList<>(CUTS + 1);
        points.add(new CurvePoint(0, mean(weakScores)));
        for (int k = 1; k < CUTS; k++) {
            double cut = quantile(sorted, 1.0 - (double) k / CUTS);
            points.add(routeAtCut(cut, routeScores, weakScores, strongScores));
        }
        points.add(new CurvePoint(1, mean(strongScores)));
        points.sort(Comparator.comparingDouble(CurvePoint::strongShare));
        return points;
    }

    private static CurvePoint routeAtCut(double cut, double[] route, double[] weak, double[] strong) {
        int strongCalls = 0;
        double quality = 0;
        for (int i = 0; i < route.length; i++) {
            if (route[i] >= cut) {
                strongCalls++;
                quality += strong[i];
            } else {
                quality += weak[i];
            }
        }
        return new CurvePoint((double) strongCalls / route.length, quality / route.length);
    }

    /** Linear-interpolated quantile of sorted values (numpy's default method). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Trapezoid area under the curve over strong share in [0,1]. */
    static double area(List<CurvePoint> curve) {
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            CurvePoint a = curve.get(i - 1);
            CurvePoint b = curve.get(i);
            area += (b.strongShare() - a.strongShare()) * (a.quality() + b.quality()) / 2;
        }
        return area;
    }

    /** The first strong share, interpolated linearly, at which quality reaches the target; NaN if never. */
    static double costToReach(List<CurvePoint> curve, double target) {
        CurvePoint first = curve.get(0);
        if (first.quality() >= target) {
            return first.strongShare();
        }
        for (int i = 1; i < curve.size(); i++) {
            CurvePoint a = curve.get(i - 1);
            CurvePoint b = curve.get(i);
            if (b.quality() >= target) {
                double rise = b.quality() - a.quality();
                double t = rise == 0 ? 1 : (target - a.quality()) / rise;
                return a.strongShare() + t * (b.strongShare() - a.strongShare());
            }
        }
        return Double.NaN;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
