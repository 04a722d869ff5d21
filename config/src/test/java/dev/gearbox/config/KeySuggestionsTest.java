package dev.gearbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
    private static final List<String> KEYS = List.of("name", "provider", "base_url", "api_key", "model");

    @Test
    void suggestsTheNearestKeyForTyposAndCamelCase() {
        assertThat(KeySuggestions.closest("base_ur", KEYS)).contains("base_url");
        assertThat(KeySuggestions.closest("baseUrl", KEYS)).contains("base_url");
        assertThat(KeySuggestions.closest("modle", KEYS)).contains("model");
        assertThat(KeySuggestions.closest("apikey", KEYS)).contains("api_key");
    }

    @Test
    void listsTheKnownKeysWhenNothingIsClose() {
        assertThat(KeySuggestions.closest("temperature", KEYS)).isEmpty();
        assertThat(KeySuggestions.hint("temperature", KEYS))
                .isEqualTo(" (known: name, provider, base_url, api_key, model)");
        assertThat(KeySuggestions.hint("modle", KEYS)).isEqualTo(" (did you mean 'model'?)");
        assertThat(KeySuggestions.hint("x", List.of())).isEmpty();
    }
}
