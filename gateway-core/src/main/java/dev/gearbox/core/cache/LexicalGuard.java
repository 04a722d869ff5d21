package dev.gearbox.core.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Vetoes a semantic match whose prompt differs from the stored one in a way embeddings barely see:
 * different numbers, a negation added or dropped, a named entity the other prompt does not mention
 * (in any capitalization), other dates or units, a comparison
 * turned around ("A vs B" against "B vs A"), the same words in another order ("dog bites man"), or
 * the same sentence with one content word replaced ("song" / "poem").
 * Deliberately strict: a vetoed paraphrase only costs a model call, a wrong hit gives a user another
 * question's answer.
 */
public final class LexicalGuard {
    /** Politeness and filler that a paraphrase moves around without changing the question. */
    private static final Set<String> MOVABLE = Set.of("please", "pls", "kindly", "thanks", "thank", "you", "also",
            "just", "now", "here");
    /** Instruction verbs and adjectives a paraphrase swaps freely, by group. */
    private static final java.util.Map<String, Integer> SYNONYMS = synonyms(
            List.of("write", "compose", "create", "generate", "make", "produce", "draft", "craft"),
            List.of("explain", "describe", "clarify"),
            List.of("give", "provide", "show", "tell", "list", "share", "offer"),
            List.of("fix", "repair", "correct", "debug"),
            List.of("big", "large", "huge"), List.of("small", "little", "tiny"), List.of("quick", "fast"));
    /** Words whose replacement by another such word keeps the question (articles, relatives, auxiliaries). */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "that", "which", "who", "whom", "this",
            "these", "those", "to", "of", "for", "in", "on", "at", "by", "with", "via", "using", "like", "as", "do",
            "does", "did", "can", "could", "would", "will", "should", "shall", "may", "might", "is", "are", "was",
            "were", "be", "me", "my", "i", "we", "us", "our", "how", "what", "some", "any", "and", "so", "then",
            "into", "onto", "from", "about", "within", "inside");

    /**
     * As {@link #agree(LexicalSignature, LexicalSignature)} when the embedder read both prompts whole;
     * otherwise only the same words in the same order (case, punctuation and spacing aside) agree,
     * because the prompts may differ where the embedder did not read.
     */
    boolean agree(LexicalSignature a, boolean aReadWhole, LexicalSignature b, boolean bReadWhole) {
        return aReadWhole && bReadWhole ? agree(a, b) : a.words().equals(b.words());
    }

    /** True when nothing in the two prompts' signatures says they ask different things. */
    boolean agree(LexicalSignature a, LexicalSignature b) {
        if (a.words().equals(b.words())) {
            return true;
        }
        return a.numbers().equals(b.numbers())
                && a.negations() == b.negations()
                && b.vocabulary().containsAll(a.entities()) && a.vocabulary().containsAll(b.entities())
                && a.dates().equals(b.dates())
                && a.units().equals(b.units())
                && !reversedComparison(a.comparisons(), b.comparisons())
                && !reordered(a.words(), b.words())
                && !oneContentWordSwapped(a.words(), b.words());
    }

    @SafeVarargs
    private static java.util.Map<String, Integer> synonyms(List<String>... groups) {
        java.util.Map<String, Integer> byWord = new java.util.HashMap<>();
        for (int g = 0; g < groups.length; g++) {
            for (String w : groups[g]) {
                byWord.put(w, g);
            }
        }
        return java.util.Map.copyOf(byWord);
    }

    /** Whether two prompts may share an answer as far as their wording tells. */
    public boolean agree(String a, String b) {
        return agree(LexicalSignature.of(a), LexicalSignature.of(b));
    }

    /** {@link #agree(LexicalSignature, boolean, LexicalSignature, boolean)} on two prompts' text. */
    public boolean agree(String a, boolean aReadWhole, String b, boolean bReadWhole) {
        return agree(LexicalSignature.of(a), aReadWhole, LexicalSignature.of(b), bReadWhole);
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

    /**
     * The same sentence with one content word replaced ("a song about X" / "a poem about X"): the
     * embedding barely moves, the question does. Function words may change ("that" / "which").
     */
    private static boolean oneContentWordSwapped(List<String> allA, List<String> allB) {
        List<String> a = allA.stream().filter(w -> !MOVABLE.contains(w)).toList();
        List<String> b = allB.stream().filter(w -> !MOVABLE.contains(w)).toList();
        if (a.size() != b.size()) {
            return false;
        }
        int differing = -1; // the one position where the sentences differ, if exactly one
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                if (differing >= 0) {
                    return false;
                }
                differing = i;
            }
        }
        if (differing < 0) {
            return false;
        }
        String x = a.get(differing);
        String y = b.get(differing);
        boolean interchangeable = (FUNCTION_WORDS.contains(x) && FUNCTION_WORDS.contains(y))
                || (SYNONYMS.containsKey(x) && SYNONYMS.get(x).equals(SYNONYMS.get(y)))
                || LexicalSignature.sameUnit(x, y);
        return !interchangeable;
    }

    /** The same words (as a multiset) in a different order, words that move freely (please, thanks) aside. */
    private static boolean reordered(List<String> allA, List<String> allB) {
        List<String> a = allA.stream().filter(w -> !MOVABLE.contains(w)).toList();
        List<String> b = allB.stream().filter(w -> !MOVABLE.contains(w)).toList();
        if (a.size() != b.size() || a.equals(b)) {
            return false;
        }
        List<String> sortedA = new ArrayList<>(a);
        List<String> sortedB = new ArrayList<>(b);
        Collections.sort(sortedA);
        Collections.sort(sortedB);
        return sortedA.equals(sortedB);
    }
}
