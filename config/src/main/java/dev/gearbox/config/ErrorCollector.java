package dev.gearbox.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers every configuration problem in document order. Keeps only the first problem per path, so a
 * value that already failed (say, an unresolved {@code ${VAR}}) does not also report the follow-on
 * failures it causes (not a URL, not a number).
 */
final class ErrorCollector {
    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<String> failedPaths = new HashSet<>();

    void add(String path, String message) {
        if (failedPaths.add(path)) {
            errors.add(new ConfigError(path, message));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }
}
