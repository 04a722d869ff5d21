package dev.gearbox.config;

import java.net.URI;

/**
 * What an Anthropic deployment needs beyond the common fields: the {@code anthropic-version}
 * header it sends, and the {@code max_tokens} it asks for when the client set no output limit
 * (the Messages API requires one; OpenAI clients usually send none).
 */
public record AnthropicSettings(String version, int defaultMaxTokens) {
    /** The API's only stable version string at the time of writing. */
    public static final String DEFAULT_VERSION = "2023-06-01";
    public static final int DEFAULT_MAX_TOKENS = 4096;
    /** Where deployments without a {@code base_url} send requests. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");
    public static final AnthropicSettings DEFAULT = new AnthropicSettings(DEFAULT_VERSION, DEFAULT_MAX_TOKENS);

    public AnthropicSettings {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("anthropic version must not be blank");
        }
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("anthropic max_tokens must be at least 1, got " + defaultMaxTokens);
        }
    }
}
