package dev.gearbox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces environment references in every string scalar of a YAML tree: {@code ${VAR}} is the
 * variable's value (an error when it is not set), {@code ${VAR:-default}} falls back to the default
 * when the variable is unset or empty (as in a shell), and {@code $${} is a literal {@code ${}.
 * Keys and non-string scalars are left alone. Messages name the variable, never a value.
 */
final class EnvInterpolator {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DEFAULT_SEPARATOR = ":-";

    private final Map<String, String> env;

    EnvInterpolator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Rewrites the string scalars of {@code root} in place. */
    void interpolateTree(JsonNode root, ErrorCollector errors) {
        walk(root, ConfigPath.ROOT, errors);
    }

    private void walk(JsonNode node, String path, ErrorCollector errors) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = ConfigPath.child(path, name);
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, TextNode.valueOf(interpolate(child.textValue(), childPath, errors)));
                } else {
                    walk(child, childPath, errors);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = ConfigPath.index(path, i);
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, TextNode.valueOf(interpolate(child.textValue(), childPath, errors)));
                } else {
                    walk(child, childPath, errors);
                }
            }
        }
    }

    /** The text with its references resolved, or the text unchanged after reporting why it cannot be. */
    String interpolate(String text, String path, ErrorCollector errors) {
        if (!text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    errors.add(path, "unterminated \"${\" (write \"$${\" for a literal \"${\")");
                    return text;
                }
                String resolved = resolve(text.substring(i + 2, close), path, errors);
                if (resolved == null) {
                    return text;
                }
                out.append(resolved);
                i = close + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** The value of one reference body ({@code VAR} or {@code VAR:-default}); null after reporting an error. */
    private String resolve(String reference, String path, ErrorCollector errors) {
        int separator = reference.indexOf(DEFAULT_SEPARATOR);
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!VARIABLE_NAME.matcher(name).matches()) {
            errors.add(path, "invalid environment variable name \"" + name
                    + "\" (use ${NAME} or ${NAME:-default}, names are letters, digits and _)");
            return null;
        }
        String value = env.get(name);
        if (separator >= 0) {
            return value == null || value.isEmpty()
                    ? reference.substring(separator + DEFAULT_SEPARATOR.length())
                    : value;
        }
        if (value == null) {
            errors.add(path, "environment variable " + name + " is not set (set it, or write ${"
                    + name + ":-default})");
        }
        return value;
    }
}
