package dev.gearbox.core.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Vetoes a semantic match whose prompt differs from the stored one in a way embeddings barely see:
 * different numbers, a negation added or dropped, other named entities, dates or units, a comparison
 * turned around ("A vs B" against "B vs A"), or the same words in another order ("dog bites man").
 * Deliberately strict: a vetoed paraphrase only costs a model call, a wrong hit gives a user another
 * question's answer.
 */
public final class LexicalGuard {

    /** True when nothing in the two prompts' signatures says they ask different things. */
    boolean agree(LexicalSignature a, LexicalSignature b) {
        if (a.words().equals(b.words())) {
            return true;
        }
        return a.numbers().equals(b.numbers())
                && a.negations() == b.negations()
                && a.entities().equals(b.entities())
                && a.dates().equals(b.dates())
                && a.units().equals(b.units())
                && !reversedComparison(a.comparisons(), b.comparisons())
                && !reordered(a.words(), b.words());
    }

    /** Whether two prompts may share an answer as far as their wording tells. */
    public boolean agree(String a, String b) {
        return agree(LexicalSignature.of(a), LexicalSignature.of(b));
    }

    private static boolean reversedComparison(List<List<String>> a, List<List<String>> b) {
        for (List<String> pair : a) {
            if (!pair.get(0).equals(pair.get(1)) && b.contains(List.of(pair.get(1), pair.get(0)))
                    && !b.contains(pair)) {
                return true;
            }
        }
        return false;
    }

    /** The same words (as a multiset) in a different order. */
    private static boolean reordered(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<String> sortedA = new ArrayList<>(a);
        List<String> sortedB = new ArrayList<>(b);
        Collections.sort(sortedA);
        Collections.sort(sortedB);
        return sortedA.equals(sortedB);
    }
}
