package dev.gearbox.classifier.lexical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HashedBagOfWordsTest {

    private final HashedBagOfWords bow = new HashedBagOfWords(18);

    @Test
    void countsUnigramsAndBigramsNormalized() {
        SparseVector v = bow.of("the cat");
        // "the", "cat" and the bigram "the cat"
        assertThat(v.size()).isEqualTo(3);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-6));
        for (int i = 0; i < v.size(); i++) {
            assertThat(v.value(i)).isCloseTo((float) (1 / Math.sqrt(3)), within(1e-6f));
            assertThat(v.index(i)).isBetween(0, bow.dimension() - 1);
        }
    }

    @Test
    void repeatedWordsWeighLogarithmically() {
        SparseVector v = bow.of("x x x x");
        // unigram "x" four times (1 + ln 4) and bigram "x x" three times (1 + ln 3)
        assertThat(v.size()).isEqualTo(2);
        double a = 1 + Math.log(4);
        double b = 1 + Math.log(3);
        double n = Math.sqrt(a * a + b * b);
        double hi = Math.max(v.value(0), v.value(1));
        double lo = Math.min(v.value(0), v.value(1));
        assertThat(hi).isCloseTo(a / n, within(1e-6));
        assertThat(lo).isCloseTo(b / n, within(1e-6));
    }

    @Test
    void ignoresCaseAndPunctuationAndKeepsOnlyTheNumberOfDigits() {
        assertThat(bow.of("Solve: X + Y!")).isEqualTo(bow.of("solve x y"));
        assertThat(bow.of("add 1234 apples")).isEqualTo(bow.of("add 5678 apples"));
        assertThat(bow.of("add 12 apples")).isNotEqualTo(bow.of("add 5678 apples"));
    }

    @Test
    void wordOrderMattersThroughBigrams() {
        assertThat(bow.of("dog bites man")).isNotEqualTo(bow.of("man bites dog"));
    }

    @Test
    void isStableAcrossInstancesAndEmptyForTextWithoutWords() {
        assertThat(new HashedBagOfWords(18).of("integral of x squared")).isEqualTo(bow.of("integral of x squared"));
        assertThat(bow.of("  ?!  ").size()).isZero();
        assertThat(bow.of("").size()).isZero();
    }

    @Test
    void readsAtMostMaxCharsOfAPrompt() {
        String head = "word ".repeat(HashedBagOfWords.MAX_CHARS / 5);
        assertThat(bow.of(head + "tail")).isEqualTo(bow.of(head));
    }

    @Test
    void rejectsABucketCountOutOfRange() {
        assertThatThrownBy(() -> new HashedBagOfWords(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashedBagOfWords(25)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HashedBagOfWords(4).of("a b c d e f g h i j k l m n o p q r s t").size()).isLessThanOrEqualTo(16);
    }

    private static double norm(SparseVector v) {
        double s = 0;
        for (int i = 0; i < v.size(); i++) {
            s += v.value(i) * v.value(i);
        }
        return Math.sqrt(s);
    }
}
