package dev.gearbox.config;

import java.util.Optional;

/** Which upstream API a deployment speaks. */
public enum ProviderKind {
    /** Any OpenAI-compatible chat completions API (OpenAI, Groq, vLLM, Ollama, Together, ...). */
    OPENAI("openai"),
    /** Anthropic's native Messages API ({@code /v1/messages}). */
    ANTHROPIC("anthropic"),
    /** The built-in simulator: answers generated in-process, no network, no key. */
    SIMULATOR("simulator"),
    /** Google's Gemini API (generateContent), translated to and from OpenAI's format. */
    GEMINI("gemini"),
    /** Azure OpenAI: OpenAI's chat body at a deployment URL with an api-version and an api-key header. */
    AZURE("azure");

    private final String wire;

    ProviderKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ProviderKind> fromWire(String name) {
        for (ProviderKind k : values()) {
            if (k.wire.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
