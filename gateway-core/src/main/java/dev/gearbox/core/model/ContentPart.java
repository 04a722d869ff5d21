package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One part of a multimodal message. Text and images are typed because routing and native
 * providers need them; any other part type is kept as its raw JSON and forwarded untouched.
 */
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {
    }

    /** An image by URL or data URI; {@code detail} is OpenAI's optional low/high/auto hint. */
    record ImageUrl(String url, String detail) implements ContentPart {
    }

    /** A part type Gearbox does not interpret (input_audio, file, ...), forwarded as it came. */
    record Other(ObjectNode raw) implements ContentPart {
    }
}
