package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for the {@code extra} maps that carry fields Gearbox forwards without interpreting. */
public final class Extra {
    private Extra() {
    }

    /** An unmodifiable, order-preserving copy; null becomes empty. */
    public static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
