package dev.gearbox.config;

/**
 * One problem found in a configuration: where ({@code deployments[2].base_url}, or the source name for
 * problems with the file as a whole) and what. Messages never contain secret values.
 */
public record ConfigError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
