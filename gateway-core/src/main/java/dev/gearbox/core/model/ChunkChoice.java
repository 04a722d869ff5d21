package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One choice in a streamed chunk. {@code finishReason} is null except on the choice's last chunk. */
public record ChunkChoice(int index, Delta delta, String finishReason, JsonNode logprobs) {
}
