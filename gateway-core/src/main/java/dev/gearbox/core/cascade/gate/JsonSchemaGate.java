package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * When the request's {@code response_format} is {@code json_schema} with a schema, the answer must
 * be JSON that validates against it (JSON Schema 2020-12 unless the schema names its dialect).
 * Schemas may only reference themselves: a {@code $ref} to another document is never fetched, and
 * a schema that needs one (or cannot be compiled) makes the gate abstain rather than guess.
 */
public record JsonSchemaGate() implements QualityGate {
    public static final String NAME = "json_schema";
    public static final String INVALID_JSON = "invalid_json";
    public static final String MISMATCH = "schema_mismatch";
    private static final int MAX_REPORTED = 3;
    /** Compiled schemas by their JSON text: a client usually sends the same few schemas, and compiling one costs far more than validating. */
    private static final Cache<String, JsonSchema> COMPILED = Caffeine.newBuilder().maximumSize(256).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> isBundledMetaSchema(iri.toString())))));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        Optional<JsonNode> schemaNode = schemaOf(request);
        if (schemaNode.isEmpty() || Answers.firstMessage(answer).map(m -> !m.toolCalls().isEmpty()).orElse(false)) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        String text = answer.firstText();
        Optional<JsonNode> parsed = JsonText.parse(text);
        if (parsed.isEmpty()) {
            return Answers.done(new GateVerdict.Escalate(NAME, INVALID_JSON, JsonText.problem(text)));
        }
        Set<ValidationMessage> errors;
        try {
            JsonSchema schema = COMPILED.get(schemaNode.get().toString(), key -> FACTORY.getSchema(schemaNode.get()));
            errors = schema.validate(parsed.get());
        } catch (RuntimeException e) { // a broken or external schema: not the answer's fault
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        if (errors.isEmpty()) {
            return Answers.done(new GateVerdict.Accept(NAME));
        }
        String detail = errors.stream().limit(MAX_REPORTED).map(ValidationMessage::getMessage)
                .collect(Collectors.joining("; "));
        return Answers.done(new GateVerdict.Escalate(NAME, MISMATCH, "the JSON does not match the schema: "
                + Answers.clip(detail, 300)));
    }

    private static Optional<JsonNode> schemaOf(ChatRequest request) {
        if (!"json_schema".equals(Answers.responseFormatType(request))) {
            return Optional.empty();
        }
        JsonNode schema = request.responseFormat().path("json_schema").get("schema");
        return schema != null && schema.isObject() ? Optional.of(schema) : Optional.empty();
    }

    /**
     * The dialect meta-schemas ship inside the validator's jar (their json-schema.org addresses are
     * mapped to {@code classpath:} before loading); anything else would be a network or file fetch.
     */
    private static boolean isBundledMetaSchema(String iri) {
        return iri.startsWith("classpath:");
    }
}
