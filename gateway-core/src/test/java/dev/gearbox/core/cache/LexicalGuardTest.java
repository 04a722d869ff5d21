package dev.gearbox.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexicalGuardTest {
    private final LexicalGuard guard = new LexicalGuard();

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "What is the capital of France?|Tell me the capital city of France.",
        "How do I reverse a list in Python?|What's the way to reverse a Python list?",
        "Explain how photosynthesis works.|Can you explain how photosynthesis works?",
        "Convert 5 km to miles|Convert 5 kilometers to miles",
        "Write a haiku about the ocean|Compose a haiku about the ocean",
    })
    void paraphrasesAgree(String a, String b) {
        assertThat(guard.agree(a, b)).isTrue();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "Is it safe to eat raw eggs?|Is it not safe to eat raw eggs?",
        "Should I use a mutex here?|Shouldn't I use a mutex here?",
        "What is 15% of 200?|What is 20% of 200?",
        "Give me three tips for sleeping better|Give me five tips for sleeping better",
        "What happened in 1969?|What happened in 1968?",
        "Plan a trip to Paris|Plan a trip to Rome",
        "Schedule it for Monday|Schedule it for Tuesday",
        "Convert 5 km to miles|Convert 5 miles to km",
        "Python vs Java for backend services|Java vs Python for backend services",
        "cats vs dogs as pets|dogs vs cats as pets",
        "the dog bit the man|the man bit the dog",
        "Weigh 3 kg of flour|Weigh 3 lb of flour",
        "Write it in C++ without recursion|Write it in C++ with recursion",
        "Write a song about catfish in the style of Bob Dylan|Write a poem about catfish in the style of Bob Dylan",
        "get daily stock prices from yfinance|get weekly stock prices from yfinance",
    })
    void nearMissesDisagree(String a, String b) {
        assertThat(guard.agree(a, b)).isFalse();
    }

    @Test
    void signaturesFoldNumberWordsAndUnitSynonyms() {
        LexicalSignature s = LexicalSignature.of("Run three 5km loops on Friday, not 10 miles.");

        assertThat(s.numbers()).containsExactly("3", "5", "10");
        assertThat(s.units()).containsExactlyInAnyOrder("km", "mile");
        assertThat(s.dates()).containsExactly("friday");
        assertThat(s.negations()).isEqualTo(1);
    }

    @Test
    void aCapitalizedSentenceOpenerIsNotAnEntity() {
        assertThat(LexicalSignature.of("Tell me about Rust. Explain ownership in Rust.").entities())
                .containsExactly("rust");
    }
}
