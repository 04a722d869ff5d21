package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.ChatRequest;

/**
 * A canonical chat request as a Gemini {@code GenerateContentRequest} body, the same for
 * {@code generateContent} and {@code streamGenerateContent} (the model and the streaming choice
 * are in the URL). Pure: no I/O, so every rule is unit-tested on JSON. OpenAI parameters Gemini has
 * no equivalent for ({@code user}, {@code metadata}, {@code store}, {@code parallel_tool_calls}, ...)
 * are not sent; those it cannot honour at all are refused with an invalid_request_error naming them.
 */
public final class GeminiRequestTranslator {
    private final ObjectMapper mapper;
    private final GeminiContents contents;
    private final GeminiTools tools;
    private final GeminiGenerationConfig generation;

    public GeminiRequestTranslator(ObjectMapper mapper) {
        this.mapper = mapper;
        this.contents = new GeminiContents(mapper);
        this.tools = new GeminiTools(mapper);
        this.generation = new GeminiGenerationConfig(mapper);
    }

    public ObjectNode translate(ChatRequest request) {
        ObjectNode body = mapper.createObjectNode();
        contents.write(request.messages(), body);
        tools.write(request.tools(), request.toolChoice(), body);
        generation.write(request, body);
        return body;
    }
}
