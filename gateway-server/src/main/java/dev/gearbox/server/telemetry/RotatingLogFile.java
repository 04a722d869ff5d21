package dev.gearbox.server.telemetry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An append-only JSONL file that rolls by day and size: {@code decisions-2026-11-24.0.jsonl},
 * {@code .1.jsonl} once the first passes the size limit, and a new date at UTC midnight. A restart
 * continues after the newest file of the day. Hand-written rather than logback's rolling appender
 * so the log does not depend on the logging configuration a user may replace, and so tests can roll
 * days with an injected {@link Clock}. Not thread-safe: one writer thread owns it.
 */
final class RotatingLogFile implements AutoCloseable {
    static final String PREFIX = "decisions-";
    static final String SUFFIX = ".jsonl";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)"
            + Pattern.quote(SUFFIX));

    private final Path directory;
    private final long maxBytes;
    private final Clock clock;
    private BufferedWriter out;
    private LocalDate day;
    private int index;
    private long size;

    RotatingLogFile(Path directory, long maxBytes, Clock clock) throws IOException {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.clock = clock;
        Files.createDirectories(directory);
    }

    /** Appends one line (a newline is added), rolling first when the day changed or the file is full. */
    void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (out == null || !today.equals(day)) {
            open(today, newestIndex(today));
        } else if (size > 0 && size + bytes.length > maxBytes) {
            open(today, index + 1);
        }
        out.write(line);
        out.write('\n');
        size += bytes.length;
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** The file being written, null before the first line. */
    Path current() {
        return day == null ? null : file(day, index);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void open(LocalDate newDay, int newIndex) throws IOException {
        close();
        Path file = file(newDay, newIndex);
        long existing = Files.exists(file) ? Files.size(file) : 0;
        if (existing >= maxBytes) {
            open(newDay, newIndex + 1);
            return;
        }
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
        day = newDay;
        index = newIndex;
        size = existing;
    }

    private int newestIndex(LocalDate date) throws IOException {
        int newest = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(date.toString())) {
                    newest = Math.max(newest, Integer.parseInt(m.group(2)));
                }
            }
        }
        return newest;
    }

    private Path file(LocalDate date, int i) {
        return directory.resolve(PREFIX + date + "." + i + SUFFIX);
    }
}
