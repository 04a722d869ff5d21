package dev.gearbox.config;

import java.time.Duration;

/**
 * The optional LLM classifier: ask {@code deployment} for a JSON verdict, and fall back to the
 * embedded model when it has not answered well within {@code timeout}.
 */
public record LlmClassifierConfig(String deployment, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(800);
}
