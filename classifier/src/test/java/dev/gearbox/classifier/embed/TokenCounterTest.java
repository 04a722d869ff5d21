package dev.gearbox.classifier.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCounterTest {

    @Test
    void countsCl100kTokens() {
        assertThat(TokenCounter.count("hello world")).isEqualTo(2);
        assertThat(TokenCounter.count("")).isZero();
        assertThat(TokenCounter.count(null)).isZero();
    }

    @Test
    void shortTextIsKeptWhole() {
        assertThat(TokenCounter.keepStartAndEnd("a short prompt", 16)).isEqualTo("a short prompt");
    }

    @Test
    void longTextKeepsStartAndEnd() {
        String text = "START " + "filler ".repeat(500) + "END";
        String cut = TokenCounter.keepStartAndEnd(text, 20);
        assertThat(cut).startsWith("START").endsWith("END");
        assertThat(TokenCounter.count(cut)).isLessThanOrEqualTo(20 + 3);
    }
}
