package dev.gearbox.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The decision log: one JSON line per request, written off the request path.
 *
 * @param enabled       false: nothing is written and {@code POST /v1/feedback} answers 404
 * @param directory     the folder of the {@code decisions-*.jsonl} files (created at start)
 * @param includeText   true: prompts and answers are written too (needed to train from the log)
 * @param maxFileBytes  a file larger than this is closed and the next one started; days roll at UTC midnight
 * @param queueCapacity lines waiting for the writer thread; when full a line is dropped and counted
 */
public record DecisionLogConfig(boolean enabled, Path directory, boolean includeText, long maxFileBytes,
                                int queueCapacity) {
    public static final Path DEFAULT_DIRECTORY = Path.of("logs", "decisions");
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final DecisionLogConfig DISABLED = new DecisionLogConfig(false, DEFAULT_DIRECTORY, false,
            DEFAULT_MAX_FILE_BYTES, DEFAULT_QUEUE_CAPACITY);

    public DecisionLogConfig {
        Objects.requireNonNull(directory, "directory");
        if (maxFileBytes <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("maxFileBytes and queueCapacity must be positive");
        }
    }
}
