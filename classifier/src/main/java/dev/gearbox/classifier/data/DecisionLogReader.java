package dev.gearbox.classifier.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.core.telemetry.log.ShadowLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the decision log Gearbox writes ({@code telemetry.decision_log}): a folder stands for its
 * {@code *.jsonl} files in name order (which is date and roll order). A malformed line fails with
 * its file and line number.
 */
public final class DecisionLogReader {
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public DecisionLog read(List<Path> paths) {
        List<DecisionLine> decisions = new ArrayList<>();
        List<FeedbackLine> feedback = new ArrayList<>();
        List<ShadowLine> shadows = new ArrayList<>();
        for (Path file : files(paths)) {
            for (LogLine line : readFile(file)) {
                if (line instanceof DecisionLine d) {
                    decisions.add(d);
                } else if (line instanceof FeedbackLine f) {
                    feedback.add(f);
                } else if (line instanceof ShadowLine s) {
                    shadows.add(s);
                }
            }
        }
        return new DecisionLog(decisions, feedback, shadows);
    }

    private static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no decision log at " + path);
            }
        }
        return files;
    }

    private List<LogLine> readFile(Path file) {
        List<LogLine> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    lines.add(mapper.readValue(text, LogLine.class));
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a decision-log line: "
                            + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }
}
