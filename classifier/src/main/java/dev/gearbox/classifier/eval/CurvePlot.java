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
 * diagonal. Normalizing the gap puts 0/1 and 1-10 sources on one axis. Headless: only a
 * {@link BufferedImage} is drawn, no display is needed.
 */
public final class CurvePlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 540;
    private static final int MARGIN = 60;
    private static final double Y_MIN = -0.2;
    private static final double Y_MAX = 1.2;
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
            drawAxes(g);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.setColor(Color.GRAY);
            g.drawLine(x(0), y(0), x(1), y(1));
            g.setStroke(new BasicStroke(2f));
            for (int s = 0; s < reports.size(); s++) {
                drawCurve(g, reports.get(s), PALETTE[s % PALETTE.length], s);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawAxes(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x(v), y(Y_MIN), x(v), y(Y_MAX));
            g.setColor(Color.DARK_GRAY);
            g.drawString(i * 10 + "%", x(v) - 12, HEIGHT - MARGIN + 18);
        }
        for (double v = -0.2; v <= 1.2001; v += 0.2) {
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x(0), y(v), x(1), y(v));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", v), MARGIN - 32, y(v) + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x(0), y(Y_MAX), x(1) - x(0), y(Y_MIN) - y(Y_MAX));
        g.drawString("share of calls routed strong", WIDTH / 2 - 80, HEIGHT - 15);
        g.drawString("share of weak-to-strong quality gap recovered", 10, 20);
    }

    private static void drawCurve(Graphics2D g, RouterEvaluator.SourceReport source, Color color, int slot) {
        RouterMetrics.Report r = source.report();
        double gap = r.strongQuality() - r.weakQuality();
        g.setColor(color);
        List<RouterMetrics.CurvePoint> curve = r.curve();
        for (int i = 0; i < curve.size(); i++) {
            double q = gap == 0 ? 0 : (curve.get(i).quality() - r.weakQuality()) / gap;
            int px = x(curve.get(i).strongShare());
            int py = y(clamp(q));
            g.fillOval(px - 3, py - 3, 6, 6);
            if (i > 0) {
                double prev = gap == 0 ? 0 : (curve.get(i - 1).quality() - r.weakQuality()) / gap;
                g.drawLine(x(curve.get(i - 1).strongShare()), y(clamp(prev)), px, py);
            }
        }
        g.drawString(String.format(Locale.ROOT, "%s (n=%d) APGR %.3f", source.source(), source.n(), r.apgr()),
                x(0.55), y(0.05) + 16 * slot - 16 * 3);
    }

    private static double clamp(double q) {
        return Math.max(Y_MIN, Math.min(Y_MAX, q));
    }

    private static int x(double share) {
        return MARGIN + (int) Math.round(share * (WIDTH - 2 * MARGIN));
    }

    private static int y(double q) {
        return HEIGHT - MARGIN - (int) Math.round((q - Y_MIN) / (Y_MAX - Y_MIN) * (HEIGHT - 2 * MARGIN));
    }
}
