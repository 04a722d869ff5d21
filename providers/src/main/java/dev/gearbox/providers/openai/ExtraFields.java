package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Writing the {@code extra} maps back. Readers keep an explicit JSON {@code null} of an optional
 * typed field as a null entry in {@code extra}; writers emit that null in the typed field's place
 * ({@link #writeKeptNull}) and never emit a typed key twice ({@link #write} skips reserved keys).
 */
final class ExtraFields {
    private ExtraFields() {
    }

    static void write(JsonGenerator g, Map<String, JsonNode> extra, Set<String> reserved) throws IOException {
        if (extra.isEmpty()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : extra.entrySet()) {
            if (!reserved.contains(e.getKey())) {
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
        }
    }

    /** Writes {@code "key": null} when the reader kept an explicit null for this typed field. */
    static void writeKeptNull(JsonGenerator g, Map<String, JsonNode> extra, String key) throws IOException {
        JsonNode kept = extra.get(key);
        if (kept != null && kept.isNull()) {
            g.writeNullField(key);
        }
    }
}
