package dev.gearbox.server.cli;

import dev.gearbox.classifier.data.DecisionLog;
import dev.gearbox.classifier.data.DecisionLogReader;
import dev.gearbox.server.report.ClassReport;
import dev.gearbox.server.report.DecisionReport;
import dev.gearbox.server.report.ReportChart;
import dev.gearbox.server.report.ReportTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gearbox report --log DIR... [--out report.png]}: what routing saved, per request class, from decision logs. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Summarise decision logs per request class: requests, share per tier, escalation and cache hit"
                + " rates, cost, baseline cost, savings and latency percentiles; optionally as a PNG chart.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--log", paramLabel = "DIR", arity = "1..*", required = true,
            description = "Decision-log folders or files (telemetry.decision_log.dir).")
    private List<Path> logs;

    @Option(names = "--out", paramLabel = "PNG", description = "Also draw the report into this PNG file.")
    private Path png;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(err, () -> {
            DecisionLog log = new DecisionLogReader().read(logs);
            if (log.decisions().isEmpty()) {
                throw new IllegalArgumentException("no decision lines in " + logs);
            }
            List<ClassReport> reports = DecisionReport.of(log.decisions());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d requests, %d feedback, %d shadow comparisons%n", log.decisions().size(),
                    log.feedback().size(), log.shadows().size());
            ReportTable.print(reports, out);
            if (png != null) {
                Path parent = png.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                ReportChart.writePng(reports, png);
                out.printf("chart -> %s%n", png);
                out.flush();
            }
            return 0;
        });
    }
}
