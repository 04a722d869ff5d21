package dev.gearbox.classifier.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the shared routing data: one {@link RoutingRow} per JSONL line. */
public final class RoutingDataReader {

    /** Where the shared data lives when no {@code gearbox.data.dir} system property says otherwise. */
    public static final String DEFAULT_DATA_DIR = "../shared/data";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The data folder: the {@code gearbox.data.dir} property, else {@value #DEFAULT_DATA_DIR}. */
    public static Path dataDir() {
        return Path.of(System.getProperty("gearbox.data.dir", DEFAULT_DATA_DIR));
    }

    /** Reads one JSONL file of routing rows; a malformed line fails with its file and line number. */
    public List<RoutingRow> read(Path file) {
        return read(file, RoutingRow.class);
    }

    /** Reads the unlabeled traffic-mix prompts ({@code <dataDir>/prompts/arena_hard.jsonl}). */
    public List<PromptRow> readPrompts(Path dataDir) {
        return read(dataDir.resolve("prompts/arena_hard.jsonl"), PromptRow.class);
    }

    private <T> List<T> read(Path file, Class<T> type) {
        List<T> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(mapper.readValue(line, type));
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /** Reads every {@code *.jsonl} file of {@code <dataDir>/routing}, in file-name order. */
    public List<RoutingRow> readAll(Path dataDir) {
        return readFiles(List.of(dataDir.resolve("routing")));
    }

    /**
     * Reads routing rows from files, in the order given; a folder stands for its {@code *.jsonl}
     * files in name order. A missing path fails naming it.
     */
    public List<RoutingRow> readFiles(List<Path> paths) {
        List<RoutingRow> rows = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted()
                            .forEach(p -> rows.addAll(read(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                rows.addAll(read(path));
            } else {
                throw new IllegalArgumentException(path + ": no such file or folder");
            }
        }
        return rows;
    }
}
