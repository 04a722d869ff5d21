package dev.gearbox.server.cli;

import dev.gearbox.classifier.embed.Progress;
import java.io.PrintWriter;

/**
 * A one-line text progress bar, redrawn in place with a carriage return:
 * {@code embedding [##########..........]  512/1024}. Ends its line when the job completes.
 */
final class ProgressBar implements Progress {

    private static final int CELLS = 30;

    private final PrintWriter out;
    private final String label;
    private int lastCells = -1;

    ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void advanced(int done, int total) {
        int cells = total == 0 ? CELLS : (int) ((long) done * CELLS / total);
        if (cells == lastCells && done != total) {
            return;
        }
        lastCells = cells;
        out.print("\r" + label + " [" + "#".repeat(cells) + ".".repeat(CELLS - cells) + "] " + done + "/" + total);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
