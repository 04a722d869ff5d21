package dev.gearbox.providers.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import java.util.Locale;
import java.util.Set;

/**
 * An OpenAI {@code image_url} as an Anthropic image block: a {@code data:} URL becomes a base64
 * source with its media type, an http(s) URL a url source. OpenAI's {@code detail} has no
 * counterpart and is dropped.
 */
final class ImageSources {
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private ImageSources() {
    }

    static ObjectNode block(String url, String param) {
        ObjectNode block = AnthropicJson.MAPPER.createObjectNode();
        block.put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url == null || url.isBlank()) {
            throw GatewayException.invalid("image_url.url must not be empty", param);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : lower.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw GatewayException.invalid("a data URL image must be base64, like data:image/png;base64,...", param);
            }
            String mediaType = header.substring(0, header.length() - ";base64".length());
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw GatewayException.invalid("image media type '" + mediaType
                        + "' is not supported; use image/jpeg, image/png, image/gif or image/webp", param);
            }
            source.put("type", "base64");
            source.put("media_type", mediaType);
            source.put("data", url.substring(comma + 1));
        } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
            source.put("type", "url");
            source.put("url", url);
        } else {
            throw GatewayException.invalid("image_url.url must be an http(s) URL or a base64 data URL", param);
        }
        return block;
    }
}
