package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsInPlaceOnlyWhenTheBarGrowsAndEndsTheLineWhenDone() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "embedding");

        bar.advanced(0, 300);
        bar.advanced(1, 300); // less than one cell: not redrawn
        bar.advanced(150, 300);
        bar.advanced(300, 300);

        assertThat(text.toString()).isEqualTo(
                "\rembedding [..............................] 0/300"
                + "\rembedding [###############...............] 150/300"
                + "\rembedding [##############################] 300/300" + System.lineSeparator());
    }
}
