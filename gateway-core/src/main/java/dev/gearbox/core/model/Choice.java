package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One choice of a complete response; {@code logprobs} is forwarded as the provider sent it (or null). */
public record Choice(int index, Message message, String finishReason, JsonNode logprobs) {
}
