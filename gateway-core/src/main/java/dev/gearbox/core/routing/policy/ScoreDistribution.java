package dev.gearbox.core.routing.policy;

import java.util.Arrays;

/**
 * The classifier's scores on a calibration set, sorted: what turns target shares into thresholds.
 */
public final class ScoreDistribution {
    private final double[] sorted;

    public ScoreDistribution(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("a score distribution needs at least one score");
        }
        for (double s : scores) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("scores must be in [0,1], got " + s);
            }
        }
        this.sorted = scores.clone();
        Arrays.sort(this.sorted);
    }

    public int size() {
        return sorted.length;
    }

    /**
     * The threshold below which {@code share} of the calibration scores fall: with k = round(share
     * * n), the midpoint between the k-th and (k+1)-th smallest score, so exactly k scores are below
     * it; 0 when k = 0, and just above 1 when k = n (no score reaches it).
     */
    public double thresholdBelow(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0,1], got " + share);
        }
        int k = (int) Math.round(share * sorted.length);
        if (k == 0) {
            return 0.0;
        }
        if (k == sorted.length) {
            return Math.nextUp(1.0);
        }
        return (sorted[k - 1] + sorted[k]) / 2;
    }

    /**
     * Where {@code score} sits in the distribution, in [0,1]: 0 at or below the lowest score, 1 at or
     * above the highest, linear between neighbouring scores (a smooth empirical CDF).
     */
    public double percentile(double score) {
        int n = sorted.length;
        if (n == 1 || score <= sorted[0]) {
            return score <= sorted[0] ? 0.0 : 1.0;
        }
        if (score >= sorted[n - 1]) {
            return 1.0;
        }
        int i = Arrays.binarySearch(sorted, score);
        int upper = i >= 0 ? i : -i - 1;
        if (i >= 0) {
            while (upper + 1 < n && sorted[upper + 1] == score) {
                upper++;
            }
            return (double) upper / (n - 1);
        }
        int lower = upper - 1;
        double fraction = (score - sorted[lower]) / (sorted[upper] - sorted[lower]);
        return (lower + fraction) / (n - 1);
    }

    /** The share of calibration scores strictly below {@code threshold}. */
    public double shareBelow(double threshold) {
        int below = 0;
        for (double s : sorted) {
            if (s < threshold) {
                below++;
            }
        }
        return (double) below / sorted.length;
    }
}
