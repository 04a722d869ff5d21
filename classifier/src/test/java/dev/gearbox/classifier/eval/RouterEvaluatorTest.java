package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.data.RoutingRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterEvaluatorTest {

    private static RoutingRow row(String source, double weak, double strong) {
        return new RoutingRow(source + "/" + weak + "/" + strong, source, "d", "binary",
                List.of(new RoutingRow.RowMessage("user", "q")), weak, strong, null, null);
    }

    private static final List<RoutingRow> ROWS = List.of(
            row("a", 0, 1), row("b", 1, 1), row("a", 1, 1), row("b", 0, 1), row("a", 1, 0), row("b", 0, 0));

    @Test
    void reportsEachSourceOnItsOwnRowsInFirstSeenOrder() {
        // a perfect router on source a, an inverted one on source b
        double[] scores = {0.9, 0.9, 0.5, 0.1, 0.1, 0.5};

        List<RouterEvaluator.SourceReport> reports = RouterEvaluator.perSource(ROWS, scores);

        assertThat(reports).extracting(RouterEvaluator.SourceReport::source).containsExactly("a", "b");
        assertThat(reports).extracting(RouterEvaluator.SourceReport::n).containsExactly(3, 3);
        RouterEvaluator.SourceReport a = reports.get(0);
        assertThat(a.report().weakQuality()).isEqualTo(2.0 / 3);
        assertThat(a.report().strongQuality()).isEqualTo(2.0 / 3);
        RouterEvaluator.SourceReport b = reports.get(1);
        assertThat(b.report().strongQuality()).isEqualTo(2.0 / 3);
        assertThat(b.report().apgr()).isLessThan(0.5);
    }

    @Test
    void needsOneScorePerRow() {
        assertThatThrownBy(() -> RouterEvaluator.perSource(ROWS, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 rows, 2 scores");
    }

    @Test
    void drawsAPngOfTheCurves(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("curve.png");
        CurvePlot.writePng(RouterEvaluator.perSource(ROWS, new double[] {0.9, 0.9, 0.5, 0.1, 0.1, 0.5}), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(540);
        // the background is white and some pixels carry a curve's colour
        assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
        boolean coloured = false;
        for (int x = 0; x < image.getWidth() && !coloured; x += 2) {
            for (int y = 0; y < image.getHeight() && !coloured; y += 2) {
                coloured = (image.getRGB(x, y) & 0xffffff) == 0x1f77b4;
            }
        }
        assertThat(coloured).isTrue();
    }
}
