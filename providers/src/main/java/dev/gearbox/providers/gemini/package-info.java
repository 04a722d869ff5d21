/**
 * Google Gemini's native API ({@code generateContent} / {@code streamGenerateContent?alt=sse}) behind
 * the OpenAI contract: {@link dev.gearbox.providers.gemini.GeminiRequestTranslator} and
 * {@link dev.gearbox.providers.gemini.GeminiResponseTranslator} /
 * {@link dev.gearbox.providers.gemini.GeminiStreamTranslator} are pure translators,
 * {@link dev.gearbox.providers.gemini.GeminiProvider} the async client,
 * {@link dev.gearbox.providers.gemini.GeminiErrorMapper} the error mapper.
 */
package dev.gearbox.providers.gemini;
