package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.metrics.RouterMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the routing curves as a PNG: share of strong calls (x) against the share of the
 * weak-to-strong quality gap recovered (y), one line per source, with random routing as the
 * diagonal. Normalizing the gap puts 0/1 and 1-10 sources on one axis; the axis spans -0.2 to
 * 1.2, widened to fit every point (an in-sample curve can recover more than the whole gap).
 * Headless: only a {@link BufferedImage} is drawn, no display is needed.
 */
public final class CurvePlot {

    /** The vertical range in use: a plot is drawn on one stack, so it is passed along, not shared. */
    private record Range(double min, double max) {
        int y(double q) {
            return HEIGHT - MARGIN - (int) Math.round((q - min) / (max - min) * (HEIGHT - 2 * MARGIN));
        }
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 540;
    private static final int MARGIN = 60;
    private static final double Y_STEP = 0.2;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private CurvePlot() {
    }

    public static void writePng(List<RouterEvaluator.SourceReport> reports, Path file) throws IOException {
        if (!ImageIO.write(render(reports), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    static BufferedImage render(List<RouterEvaluator.SourceReport> reports) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Range r = range(reports);
            drawAxes(g, r);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.setColor(Color.GRAY);
            g.drawLine(x(0), r.y(0), x(1), r.y(1));
            g.setStroke(new BasicStroke(2f));
            for (int s = 0; s < reports.size(); s++) {
                drawCurve(g, r, reports.get(s), PALETTE[s % PALETTE.length], reports.size() - 1 - s);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Range range(List<RouterEvaluator.SourceReport> reports) {
        double min = -Y_STEP;
        double max = 1 + Y_STEP;
        for (RouterEvaluator.SourceReport s : reports) {
            for (RouterMetrics.CurvePoint p : s.report().curve()) {
                double q = recovered(s.report(), p);
                min = Math.min(min, Y_STEP * Math.floor(q / Y_STEP));
                max = Math.max(max, Y_STEP * Math.ceil(q / Y_STEP));
            }
        }
        return new Range(min, max);
    }

    /** The share of the source's weak-to-strong gap recovered at this point; 0 when there is no gap. */
    private static double recovered(RouterMetrics.Report r, RouterMetrics.CurvePoint p) {
        double gap = r.strongQuality() - r.weakQuality();
        return gap == 0 ? 0 : (p.quality() - r.weakQuality()) / gap;
    }

    private static void drawAxes(Graphics2D g, Range r) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x(v), r.y(r.min()), x(v), r.y(r.max()));
            g.setColor(Color.DARK_GRAY);
            g.drawString(i * 10 + "%", x(v) - 12, HEIGHT - MARGIN + 18);
        }
        int ticks = (int) Math.round((r.max() - r.min()) / Y_STEP);
        for (int i = 0; i <= ticks; i++) {
            double v = r.min() + i * Y_STEP;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x(0), r.y(v), x(1), r.y(v));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", v), MARGIN - 32, r.y(v) + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x(0), r.y(r.max()), x(1) - x(0), r.y(r.min()) - r.y(r.max()));
        g.drawString("share of calls routed strong", WIDTH / 2 - 80, HEIGHT - 15);
        g.drawString("share of weak-to-strong quality gap recovered", 10, 20);
    }

    /** {@code linesBelow}: how many legend lines follow this one, so the legend ends just above the bottom axis. */
    private static void drawCurve(Graphics2D g, Range range, RouterEvaluator.SourceReport source, Color color, int linesBelow) {
        RouterMetrics.Report r = source.report();
        g.setColor(color);
        List<RouterMetrics.CurvePoint> curve = r.curve();
        for (int i = 0; i < curve.size(); i++) {
            int px = x(curve.get(i).strongShare());
            int py = range.y(recovered(r, curve.get(i)));
            g.fillOval(px - 3, py - 3, 6, 6);
            if (i > 0) {
                g.drawLine(x(curve.get(i - 1).strongShare()), range.y(recovered(r, curve.get(i - 1))), px, py);
            }
        }
        g.drawString(String.format(Locale.ROOT, "%s (n=%d) APGR %.3f", source.source(), source.n(), r.apgr()),
                x(0.45), HEIGHT - MARGIN - 16 * linesBelow - 10);
    }

    private static int x(double share) {
        return MARGIN + (int) Math.round(share * (WIDTH - 2 * MARGIN));
    }

}
