package dev.gearbox.providers.openai;

/**
 * What an upstream said in an error response, already sanitized (no control characters, api-key
 * lookalikes masked, bounded length) so it may be logged or shown to a client.
 *
 * @param message the error message, or a short prefix of a non-JSON body; never null
 * @param type    OpenAI's {@code error.type}, or null
 * @param code    OpenAI's {@code error.code} as a string (e.g. {@code context_length_exceeded}), or null
 * @param param   OpenAI's {@code error.param}, or null
 */
public record UpstreamErrorBody(String message, String type, String code, String param) {
}
