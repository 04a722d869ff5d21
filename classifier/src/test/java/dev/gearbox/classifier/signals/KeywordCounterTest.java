package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeywordCounterTest {

    private final KeywordCounter counter = new KeywordCounter(List.of("java", "javascript", "how many", "c++", "sum"));

    @Test
    void countsWholeWordsOnly() {
        assertThat(counter.count("java, javascript and javanese; summary sum_total sum.")).isEqualTo(3);
    }

    @Test
    void aShorterKeywordThatIsNotAWholeWordGivesWayToALongerOne() {
        assertThat(counter.count("javascript")).isEqualTo(1);
    }

    @Test
    void multiWordKeywordsMatchAcrossTheirSpace() {
        assertThat(counter.count("how many apples? how  many? somehow many")).isEqualTo(1);
    }

    @Test
    void aKeywordEndingInPunctuationNeedsAWordCharacterAfterIt() {
        // as \b(c\+\+)\b: the boundary after '+' is before a word character, not before a space
        assertThat(counter.count("c++11 is not c++ alone")).isEqualTo(1);
    }

    @Test
    void lettersOfAnyScriptAreWordCharacters() {
        assertThat(counter.count("javaé sumé 中sum sum中 sum")).isEqualTo(1);
    }

    @Test
    void agreesWithTheRegexItReplaces() {
        Pattern regex = Pattern.compile("\\b(java|javascript|how many|c\\+\\+|sum)\\b");
        String text = "sum the java code: how many c++17 sums? javascript_x, sum-sum, (java) how many\nsum";
        Matcher m = regex.matcher(text);
        int expected = 0;
        while (m.find()) {
            expected++;
        }
        assertThat(counter.count(text)).isEqualTo(expected).isEqualTo(9);
    }

    @Test
    void aKeywordMustStartWithAWordCharacter() {
        assertThatThrownBy(() -> new KeywordCounter(List.of("+plus"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("+plus");
    }
}
