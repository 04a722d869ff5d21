package dev.gearbox.classifier.answer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real rows of the shared data for the answer-model tests; a test is skipped when the data is absent. */
final class SharedAnswerRows {

    private SharedAnswerRows() {
    }

    static List<RoutingRow> read(String file) {
        Path path = RoutingDataReader.dataDir().resolve("routing").resolve(file);
        assumeTrue(Files.isRegularFile(path), "shared data not found at " + path.toAbsolutePath()
                + " (set -Dgearbox.data.dir); skipping");
        return new RoutingDataReader().read(path);
    }

    static RoutingRow byId(String file, String id) {
        return read(file).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in " + file));
    }
}
