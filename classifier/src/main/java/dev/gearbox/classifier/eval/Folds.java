package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Cross-validation splits: each returns the fold index of every row. */
public final class Folds {

    private Folds() {
    }

    /**
     * Grouped K-fold: rows of one group (source + domain) share a fold, so no fold is scored on a
     * domain it trained on. Groups are shuffled with the seed, then placed largest first into the
     * fold with the fewest rows.
     */
    public static int[] groupedKFold(List<RoutingRow> rows, int k, long seed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(rows.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        Collections.shuffle(ordered, new Random(seed));
        ordered.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        int[] fold = new int[rows.size()];
        int[] load = new int[k];
        for (List<Integer> group : ordered) {
            int target = 0;
            for (int f = 1; f < k; f++) {
                if (load[f] < load[target]) {
                    target = f;
                }
            }
            for (int i : group) {
                fold[i] = target;
            }
            load[target] += group.size();
        }
        return fold;
    }

    /** One fold per source: every source is scored by a model that never saw it. */
    public static int[] leaveOneSourceOut(List<RoutingRow> rows) {
        Map<String, Integer> sources = new LinkedHashMap<>();
        int[] fold = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            fold[i] = sources.computeIfAbsent(rows.get(i).source(), s -> sources.size());
        }
        return fold;
    }

    /** Plain K-fold over rows (seeded): unseen rows of seen sources, like the held-out test set. */
    /** The two splits the variant comparisons use, by table label: grouped k-fold, then row k-fold. */
    static Map<String, int[]> groupedAndRow(List<RoutingRow> rows, int k, long seed) {
        Map<String, int[]> splits = new LinkedHashMap<>();
        splits.put("grouped " + k + "-fold", groupedKFold(rows, k, seed));
        splits.put("row " + k + "-fold", rowKFold(rows, k, seed));
        return splits;
    }

    public static int[] rowKFold(List<RoutingRow> rows, int k, long seed) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            index.add(i);
        }
        Collections.shuffle(index, new Random(seed));
        int[] fold = new int[rows.size()];
        for (int pos = 0; pos < index.size(); pos++) {
            fold[index.get(pos)] = pos % k;
        }
        return fold;
    }

    /** The number of folds in a split. */
    public static int count(int[] fold) {
        int max = -1;
        for (int f : fold) {
            max = Math.max(max, f);
        }
        return max + 1;
    }
}
