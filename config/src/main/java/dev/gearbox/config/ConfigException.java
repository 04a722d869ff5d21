package dev.gearbox.config;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found (not only the first), so an operator
 * fixes the file in one pass. {@link #getMessage()} lists one {@code path: message} per line.
 */
public final class ConfigException extends RuntimeException {
    /** The process exit code a command line should use when it stops on a bad configuration. */
    public static final int EXIT_CODE = 2;

    private final String source;
    private final List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(render(source, errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** Where the configuration came from: a file path or a resource name. */
    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String render(String source, List<ConfigError> errors) {
        StringBuilder sb = new StringBuilder("invalid configuration ").append(source).append(" (")
                .append(errors.size()).append(errors.size() == 1 ? " error)" : " errors)");
        for (ConfigError e : errors) {
            sb.append(System.lineSeparator()).append("  ").append(e.path()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
