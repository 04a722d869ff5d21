package dev.gearbox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, path-aware view of one YAML mapping. Every accessor returns empty after reporting a wrong
 * type or bad value to the shared {@link ErrorCollector} under the value's exact path, so a binder can
 * keep going and report all problems at once. A key whose value is YAML null counts as absent.
 * Because {@code ${VAR}} always yields text, numbers and booleans are also accepted as strings
 * ({@code port: "8080"}).
 */
final class ConfigReader {
    private final ObjectNode node;
    private final String path;
    private final ErrorCollector errors;

    ConfigReader(ObjectNode node, String path, ErrorCollector errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return ConfigPath.child(path, key);
    }

    void error(String key, String message) {
        errors.add(pathOf(key), message);
    }

    /** Reports a problem at a path computed by the caller (e.g. one derived from another section). */
    void errorAt(String absolutePath, String message) {
        errors.add(absolutePath, message);
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** Reports every key of this mapping that is not in {@code known}, with the closest known key. */
    void rejectUnknownKeys(Collection<String> known) {
        rejectUnknownKeys(known, "key");
    }

    /** As {@link #rejectUnknownKeys(Collection)}, naming what the keys are ("unknown tier 'x'"). */
    void rejectUnknownKeys(Collection<String> known, String noun) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                errors.add(pathOf(key), "unknown " + noun + " '" + key + "'" + KeySuggestions.hint(key, known));
            }
        }
    }

    /** Reports {@code missing required field} unless the key is present. */
    boolean require(String key) {
        if (!has(key)) {
            error(key, "missing required field");
            return false;
        }
        return true;
    }

    Optional<ConfigReader> object(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            error(key, "expected a mapping, got " + describe(value, false));
            return Optional.empty();
        }
        return Optional.of(new ConfigReader(object, pathOf(key), errors));
    }

    /** The keys of this mapping in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A list of mappings; entries that are not mappings are reported (with their index) and skipped. */
    Optional<List<ConfigReader>> objectList(String key) {
        return list(key).map(items -> {
            List<ConfigReader> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String itemPath = ConfigPath.index(pathOf(key), i);
                if (item instanceof ObjectNode object) {
                    result.add(new ConfigReader(object, itemPath, errors));
                } else {
                    errors.add(itemPath, "expected a mapping, got " + describe(item, false));
                }
            }
            return result;
        });
    }

    /**
     * A list of strings, same length as in the file so indexes match paths; an entry that is not a
     * scalar is reported and left null.
     */
    Optional<List<String>> stringList(String key) {
        return list(key).map(items -> {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (item.isValueNode() && !item.isNull()) {
                    result.add(item.asText());
                } else {
                    errors.add(ConfigPath.index(pathOf(key), i), "expected a string, got " + describe(item, false));
                    result.add(null);
                }
            }
            return result;
        });
    }

    boolean isEmptyList(String key) {
        JsonNode value = node.get(key);
        return value != null && value.isArray() && value.isEmpty();
    }

    private Optional<List<JsonNode>> list(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            error(key, "expected a list, got " + describe(value, false));
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return Optional.of(items);
    }

    /** A mapping of string keys to string values, in file order (e.g. extra headers). */
    Optional<Map<String, String>> stringMap(String key, boolean secretValues) {
        return object(key).map(child -> {
            Map<String, String> result = new LinkedHashMap<>();
            for (String name : child.keys()) {
                child.scalarText(name, secretValues).ifPresent(v -> result.put(name, v));
            }
            return result;
        });
    }

    Optional<String> string(String key) {
        return scalarText(key, false);
    }

    /** Like {@link #string} but the value never appears in a message. */
    Optional<String> secret(String key) {
        return scalarText(key, true);
    }

    /** A non-empty string, or {@code missing required field} / {@code must not be empty}. */
    Optional<String> requiredString(String key) {
        if (!require(key)) {
            return Optional.empty();
        }
        Optional<String> value = string(key);
        if (value.isPresent() && value.get().isBlank()) {
            error(key, "must not be empty");
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> scalarText(String key, boolean secret) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            error(key, "expected a string, got " + describe(value, secret));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    Optional<Long> integer(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        error(key, "expected a whole number, got " + describe(value, false));
        return Optional.empty();
    }

    Optional<Double> number(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Double parsed = null;
        if (value.isNumber()) {
            parsed = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                parsed = Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (parsed == null || parsed.isNaN() || parsed.isInfinite()) {
            error(key, "expected a number, got " + describe(value, false));
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    Optional<Boolean> bool(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(value.textValue()));
        }
        error(key, "expected true or false, got " + describe(value, false));
        return Optional.empty();
    }

    /** A duration ({@link Durations}); a bare number is milliseconds. Must be greater than zero. */
    Optional<Duration> positiveDuration(String key) {
        return duration(key).filter(d -> {
            if (d.isNegative() || d.isZero()) {
                error(key, "must be greater than zero, got " + Durations.format(d));
                return false;
            }
            return true;
        });
    }

    /** A duration ({@link Durations}) that may be zero but not negative. */
    Optional<Duration> nonNegativeDuration(String key) {
        return duration(key).filter(d -> {
            if (d.isNegative()) {
                error(key, "must not be negative, got " + Durations.format(d));
                return false;
            }
            return true;
        });
    }

    private Optional<Duration> duration(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(Duration.ofMillis(value.longValue()));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Durations.parse(value.textValue()));
            } catch (IllegalArgumentException e) {
                error(key, e.getMessage());
                return Optional.empty();
            }
        }
        error(key, "expected a duration like 500ms, 5s, 2m, 1h, got " + describe(value, false));
        return Optional.empty();
    }

    /** A byte size ({@link ByteSizes}); a bare number is bytes. Must be greater than zero. */
    Optional<Long> positiveByteSize(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        long bytes;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            bytes = value.longValue();
        } else if (value.isTextual()) {
            try {
                bytes = ByteSizes.parse(value.textValue());
            } catch (IllegalArgumentException e) {
                error(key, e.getMessage());
                return Optional.empty();
            }
        } else {
            error(key, "expected a size like 4MiB, 512KiB, 1MB, got " + describe(value, false));
            return Optional.empty();
        }
        if (bytes <= 0) {
            error(key, "must be greater than zero, got " + value.asText());
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** How a value is shown in a message: scalars quoted, structures by kind, secrets by kind only. */
    private static String describe(JsonNode value, boolean secret) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (secret) {
            return value.isTextual() ? "a string" : "a scalar";
        }
        return value.isTextual() ? "\"" + value.textValue() + "\"" : value.asText();
    }
}
