package dev.gearbox.config;

import java.util.regex.Pattern;

/** Builds the paths used in error messages: {@code deployments[2].timeouts.total}, {@code headers["a.b"]}. */
final class ConfigPath {
    static final String ROOT = "";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private ConfigPath() {
    }

    static String child(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
