package dev.gearbox.classifier.eval;

import java.util.stream.IntStream;

/** One member of an experimental blend, addressed by row index: trains on some rows, scores others. */
@FunctionalInterface
interface BlendMember {

    /** Trains on the rows at {@code train} and returns the scores of the rows at {@code test}, parallel to it. */
    double[] fitAndScore(int[] train, int[] test);

    /**
     * Scores for the rows at {@code subset} (of {@code rowCount} rows), each from the member
     * trained on the subset's rows of the other folds; rows outside the subset score 0.
     */
    static double[] outOfFold(BlendMember member, int rowCount, int[] subset, int[] fold) {
        double[] scores = new double[rowCount];
        for (int f = 0; f < Folds.count(fold); f++) {
            int current = f;
            int[] train = IntStream.of(subset).filter(i -> fold[i] != current).toArray();
            int[] test = IntStream.of(subset).filter(i -> fold[i] == current).toArray();
            if (test.length == 0 || train.length == 0) {
                continue;
            }
            double[] s = member.fitAndScore(train, test);
            for (int j = 0; j < test.length; j++) {
                scores[test[j]] = s[j];
            }
        }
        return scores;
    }
}
