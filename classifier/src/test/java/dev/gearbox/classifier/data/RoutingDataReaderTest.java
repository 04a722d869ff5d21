package dev.gearbox.classifier.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gearbox.core.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingDataReaderTest {

    private static final String ROW = "{\"id\": \"gsm8k/17\", \"source\": \"gsm8k\", \"domain\": \"grade_school_math\","
            + " \"scale\": \"binary\", \"messages\": [{\"role\": \"user\", \"content\": \"2+2?\"}],"
            + " \"weak_model\": \"m\", \"strong_model\": \"g\", \"weak_score\": 0.0, \"strong_score\": 1.0,"
            + " \"weak_answer\": \"5\", \"strong_answer\": \"4\", \"scores\": {\"x\": 3.0}}";

    @Test
    void readsRowsAndIgnoresUnknownFields(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rows.jsonl");
        Files.writeString(f, ROW + "\n\n" + ROW.replace("gsm8k/17", "gsm8k/18") + "\n");
        List<RoutingRow> rows = new RoutingDataReader().read(f);
        assertThat(rows).hasSize(2);
        RoutingRow r = rows.get(0);
        assertThat(r.id()).isEqualTo("gsm8k/17");
        assertThat(r.group()).isEqualTo("gsm8k/grade_school_math");
        assertThat(r.strongNeeded()).isTrue();
        assertThat(r.weakAnswer()).isEqualTo("5");
        assertThat(r.firstTurnRequest().messages()).singleElement()
                .satisfies(m -> {
                    assertThat(m.role()).isEqualTo(Role.USER);
                    assertThat(m.text()).isEqualTo("2+2?");
                });
    }

    @Test
    void malformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, ROW + "\n{\"id\": [\n");
        assertThatThrownBy(() -> new RoutingDataReader().read(f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.jsonl:2").hasMessageContaining("RoutingRow");
    }

    @Test
    void readsFilesInOrderAndFoldersAsTheirJsonlFiles(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("routing"));
        Files.writeString(folder.resolve("b.jsonl"), ROW.replace("gsm8k/17", "b") + "\n");
        Files.writeString(folder.resolve("a.jsonl"), ROW.replace("gsm8k/17", "a") + "\n");
        Files.writeString(folder.resolve("notes.txt"), "not rows");
        Path single = Files.writeString(dir.resolve("first.jsonl"), ROW.replace("gsm8k/17", "first") + "\n");

        List<RoutingRow> rows = new RoutingDataReader().readFiles(List.of(single, folder));

        assertThat(rows).extracting(RoutingRow::id).containsExactly("first", "a", "b");
    }

    @Test
    void aMissingPathIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> new RoutingDataReader().readFiles(List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(missing + ": no such file or folder");
    }

    @Test
    void readsTheSharedDataWhenPresent() {
        Path dir = RoutingDataReader.dataDir();
        assumeTrue(Files.isDirectory(dir.resolve("routing")), "shared data not found at " + dir.toAbsolutePath()
                + " (set -Dgearbox.data.dir); skipping");
        List<RoutingRow> rows = new RoutingDataReader().read(dir.resolve("routing/gsm8k.train.jsonl"));
        assertThat(rows).hasSize(784).allSatisfy(r -> assertThat(r.source()).isEqualTo("gsm8k"));
    }
}
