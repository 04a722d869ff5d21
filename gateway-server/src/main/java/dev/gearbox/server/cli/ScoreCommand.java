package dev.gearbox.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.RowScorer;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gearbox score --data FILE.jsonl --out SCORES.jsonl}: one {@code {"id","score"}} line per row. */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Score rows with the router (P(strong model needed)) and write {\"id\":...,\"score\":...} per row.")
public final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "JSONL file of rows to score.")
    private Path data;

    @Option(names = "--out", paramLabel = "SCORES", required = true, description = "Where to write the scores (JSONL).")
    private Path out;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model written by train (default: the shipped model).")
    private Path model;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            List<RoutingRow> rows = new RoutingDataReader().readFiles(List.of(data));
            double[] scores;
            try (ClassifierRuntime runtime = new ClassifierRuntime()) {
                scores = new RowScorer(runtime.classifier(model), runtime.workers())
                        .score(rows, new ProgressBar(err, "scoring"));
            }
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows.size(); i++) {
                    ObjectNode line = JSON.createObjectNode().put("id", rows.get(i).id()).put("score", scores[i]);
                    w.write(JSON.writeValueAsString(line));
                    w.newLine();
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("scored %d rows -> %s%n", rows.size(), out);
            o.flush();
            return 0;
        });
    }
}
