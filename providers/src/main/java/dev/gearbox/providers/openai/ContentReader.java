package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a message's {@code content}: a string, or an array of parts. Text and image parts are
 * typed only when they carry nothing Gearbox would lose (a text part with, say, {@code cache_control}
 * stays {@link ContentPart.Other} so it is forwarded byte for byte).
 */
final class ContentReader {
    private ContentReader() {
    }

    static Content read(JsonNode v, String param) {
        if (v.isTextual()) {
            return new Content.Text(v.textValue());
        }
        if (!v.isArray()) {
            throw RequestErrors.invalidType(param, "one of a string or array of objects", v);
        }
        if (v.isEmpty()) {
            throw RequestErrors.emptyArray(param);
        }
        List<ContentPart> parts = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            parts.add(part(v.get(i), param + "[" + i + "]"));
        }
        return new Content.Parts(parts);
    }

    private static ContentPart part(JsonNode p, String param) {
        if (!p.isObject()) {
            throw RequestErrors.invalidType(param, "an object", p);
        }
        String type = Fields.reqString(p.get("type"), param + ".type");
        switch (type) {
            case "text" -> {
                String text = Fields.reqString(p.get("text"), param + ".text");
                return p.size() == 2 ? new ContentPart.Text(text) : new ContentPart.Other((ObjectNode) p);
            }
            case "image_url" -> {
                JsonNode image = p.get("image_url");
                if (image == null) {
                    throw RequestErrors.missing(param + ".image_url");
                }
                if (!image.isObject()) {
                    throw RequestErrors.invalidType(param + ".image_url", "an object", image);
                }
                String url = Fields.reqString(image.get("url"), param + ".image_url.url");
                String detail = Fields.optString(image.get("detail"), param + ".image_url.detail");
                boolean onlyKnown = p.size() == 2 && onlyKeys(image, "url", "detail");
                return onlyKnown && !hasNull(image, "detail")
                        ? new ContentPart.ImageUrl(url, detail)
                        : new ContentPart.Other((ObjectNode) p);
            }
            default -> {
                return new ContentPart.Other((ObjectNode) p);
            }
        }
    }

    private static boolean onlyKeys(JsonNode obj, String a, String b) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals(a) && !k.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNull(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        return v != null && v.isNull();
    }
}
