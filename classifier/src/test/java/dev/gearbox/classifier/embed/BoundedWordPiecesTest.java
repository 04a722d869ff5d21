package dev.gearbox.classifier.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedWordPiecesTest {

    private static final long CLS = 101;
    private static final long SEP = 102;
    private final List<String> tokenized = new ArrayList<>();

    /** One "piece" per space-separated word: the word's number, so the cut is visible in the ids. */
    private long[] numbers(String text) {
        tokenized.add(text);
        return Arrays.stream(text.trim().split("[ _]+")).filter(w -> !w.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static String count(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(i).append(' ');
        }
        return b.toString();
    }

    @Test
    void aShortTextIsFramedWhole() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        assertThat(pieces.input("1 2 3").ids()).containsExactly(CLS, 1, 2, 3, SEP);
    }

    @Test
    void theInputSaysWhetherItHoldsEveryPiece() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        assertThat(pieces.input(count(1, 9)).whole()).isTrue();
        assertThat(pieces.input(count(1, 10)).whole()).isFalse();
        assertThat(pieces.input(count(1, 2_000)).whole()).isFalse();
    }

    @Test
    void aTextAtTheBoundIsNotCut() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        assertThat(pieces.input(count(1, 9)).ids()).containsExactly(CLS, 1, 2, 3, 4, 5, 6, 7, 8, SEP);
    }

    @Test
    void aLongerTextKeepsItsStartAndItsEnd() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        // 8 pieces in all: the first 4 and the last 4
        assertThat(pieces.input(count(1, 21)).ids()).containsExactly(CLS, 1, 2, 3, 4, 17, 18, 19, 20, SEP);
    }

    @Test
    void anOddBoundGivesTheExtraPieceToTheStart() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 9);
        assertThat(pieces.input(count(1, 21)).ids()).containsExactly(CLS, 1, 2, 3, 4, 18, 19, 20, SEP);
    }

    @Test
    void aHugeTextIsTokenizedOnlyAtItsTwoEnds() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        String huge = "1 2 3 4 5 " + "7 ".repeat(100_000) + "96 97 98 99";
        assertThat(pieces.input(huge).ids()).containsExactly(CLS, 1, 2, 3, 4, 96, 97, 98, 99, SEP);
        assertThat(tokenized).hasSizeLessThanOrEqualTo(4)
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(8 * BoundedWordPieces.CHARS_PER_PIECE));
    }

    @Test
    void windowsWidenUntilTheyHoldEnoughPieces() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        // long runs of spaces collapse; the two-digit end still needs a wider window
        String sparse = count(1, 30).replace(" ", "          ") + count(30, 60).replace(" ", "       ");
        assertThat(pieces.input(sparse).ids()).containsExactly(CLS, 1, 2, 3, 4, 56, 57, 58, 59, SEP);
        assertThat(tokenized.size()).isGreaterThan(2);
    }

    @Test
    void nearlyPieceFreeTextStopsWideningAndKeepsWhatTheWidestWindowsHold() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        // a few pieces at each end of a megabyte of underscores (no pieces in this tokenizer)
        String text = "1 2 " + "_".repeat(1_000_000) + " 8 9";
        assertThat(pieces.input(text).ids()).containsExactly(CLS, 1, 2, 8, 9, SEP);
        int widest = 4 * BoundedWordPieces.CHARS_PER_PIECE << BoundedWordPieces.MAX_WIDENINGS;
        assertThat(tokenized).hasSize(2 * (BoundedWordPieces.MAX_WIDENINGS + 1))
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(widest));
    }

    @Test
    void whitespaceRunsCollapseToOneSpace() {
        assertThat(BoundedWordPieces.collapsedWhitespace("  a \t\n b  c\r\n")).isEqualTo("a b c");
        String clean = "already clean";
        assertThat(BoundedWordPieces.collapsedWhitespace(clean)).isSameAs(clean);
    }

    @Test
    void paddingInsideTheTextDoesNotPushThePiecesOutOfTheWindows() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        String padded = count(1, 30).replace(" ", " ".repeat(5_000));
        assertThat(pieces.input(padded).ids()).containsExactly(CLS, 1, 2, 3, 4, 26, 27, 28, 29, SEP);
        assertThat(tokenized).allSatisfy(t -> assertThat(t.length()).isLessThan(200));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        BoundedWordPieces pieces = new BoundedWordPieces(this::numbers, CLS, SEP, 10);
        assertThat(pieces.input(" ".repeat(100_000) + count(1, 21) + "\n".repeat(100_000)).ids())
                .containsExactly(CLS, 1, 2, 3, 4, 17, 18, 19, 20, SEP);
        assertThat(tokenized).allSatisfy(t -> assertThat(t.length()).isLessThan(100));
    }

    @Test
    void aWordCutByTheWindowIsNeverKept() {
        // 10 characters per number: the first 32-character window ends inside the 4th number, which
        // a tokenizer that sees through the cut marks -1; the slack must keep it out of the ids
        BoundedWordPieces pieces = new BoundedWordPieces(text -> {
            long[] ids = numbers(text);
            if (!text.endsWith(" ") && !text.endsWith("100000299") && ids.length > 0) {
                ids[ids.length - 1] = -1;
            }
            return ids;
        }, CLS, SEP, 10);
        long[] ids = pieces.input(count(100_000_000, 100_000_300)).ids();
        assertThat(ids).doesNotContain(-1L).containsExactly(CLS, 100_000_000, 100_000_001, 100_000_002, 100_000_003,
                100_000_296, 100_000_297, 100_000_298, 100_000_299, SEP);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        List<String> seen = new ArrayList<>();
        BoundedWordPieces pieces = new BoundedWordPieces(t -> {
            seen.add(t);
            return new long[] {7};
        }, CLS, SEP, 10);
        String emoji = "\uD83D\uDE00";
        int window = 4 * BoundedWordPieces.CHARS_PER_PIECE; // the first window at each end
        // the start window ends, and the end window starts, on the low half of an emoji
        String text = "a".repeat(window - 1) + emoji + "b".repeat(window * 3) + emoji + "c".repeat(window - 1);
        pieces.input(text).ids();
        assertThat(seen).allSatisfy(t -> {
            assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(t.charAt(0))).isFalse();
        });
    }

    @Test
    void aBoundBelowEightIsRefused() {
        assertThatThrownBy(() -> new BoundedWordPieces(this::numbers, CLS, SEP, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
    }
}
