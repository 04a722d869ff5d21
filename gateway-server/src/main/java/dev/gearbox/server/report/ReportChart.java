package dev.gearbox.server.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the report as a PNG with two panels per request class: on top, cost against baseline cost
 * (bars, with the savings in percent above them); below, the share of answers per tier (a stacked
 * bar). Headless: only a {@link BufferedImage} is drawn, no display is needed.
 */
public final class ReportChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 640;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int PANEL = 220;
    private static final int GAP = 80;
    private static final Color COST = new Color(0x1f77b4);
    private static final Color BASELINE = new Color(0xbbbbbb);
    private static final Color[] TIER_COLORS = {new Color(0x2ca02c), new Color(0xff7f0e), new Color(0xd62728),
        new Color(0x7f7f7f)};
    private static final List<String> TIERS = List.of("fast", "balanced", "frontier", DecisionReport.NO_TIER);

    private ReportChart() {
    }

    public static void writePng(List<ClassReport> reports, Path file) throws IOException {
        if (!ImageIO.write(render(reports), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    static BufferedImage render(List<ClassReport> reports) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawCosts(g, reports);
            drawTierShares(g, reports);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawCosts(Graphics2D g, List<ClassReport> reports) {
        int base = TOP + PANEL;
        title(g, "Cost vs baseline (USD) per request class; savings above the bars", TOP - 20);
        axis(g, base);
        double max = reports.stream().mapToDouble(r -> Math.max(r.costUsd(), r.baselineUsd())).max().orElse(0);
        double scale = max > 0 ? PANEL / max : 0;
        int slot = slot(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            ClassReport r = reports.get(i);
            int x = LEFT + i * slot + slot / 6;
            int w = Math.max(2, slot / 3);
            bar(g, BASELINE, x, base, w, r.baselineUsd() * scale);
            bar(g, COST, x + w, base, w, r.costUsd() * scale);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f%%", r.savingsPct()), x, base - (int) (r.baselineUsd() * scale) - 4);
            label(g, r.requestClass(), x, base + 15);
        }
        legend(g, new String[] {"baseline", "cost"}, new Color[] {BASELINE, COST}, TOP - 20);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format("%.4f", max), 8, TOP + 4);
    }

    private static void drawTierShares(Graphics2D g, List<ClassReport> reports) {
        int top = TOP + PANEL + GAP;
        int base = top + PANEL;
        title(g, "Share of answers per tier", top - 20);
        axis(g, base);
        int slot = slot(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            ClassReport r = reports.get(i);
            int x = LEFT + i * slot + slot / 6;
            int w = Math.max(2, 2 * slot / 3);
            int y = base;
            for (int t = 0; t < TIERS.size(); t++) {
                int h = (int) Math.round(r.tierShare(TIERS.get(t)) * PANEL);
                g.setColor(TIER_COLORS[t]);
                g.fillRect(x, y - h, w, h);
                y -= h;
            }
            label(g, r.requestClass(), x, base + 15);
        }
        legend(g, TIERS.toArray(String[]::new), TIER_COLORS, top - 20);
        g.setColor(Color.DARK_GRAY);
        g.drawString("100%", 20, top + 4);
    }

    private static int slot(int classes) {
        return Math.max(1, (WIDTH - LEFT - RIGHT) / Math.max(1, classes));
    }

    private static void bar(Graphics2D g, Color color, int x, int base, int w, double height) {
        int h = (int) Math.round(height);
        g.setColor(color);
        g.fillRect(x, base - h, w, h);
    }

    private static void axis(Graphics2D g, int base) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, base, WIDTH - RIGHT, base);
        g.drawLine(LEFT, base, LEFT, base - PANEL);
    }

    private static void title(Graphics2D g, String text, int y) {
        g.setColor(Color.BLACK);
        g.drawString(text, LEFT, y);
    }

    private static void label(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        g.drawString(text.length() > 14 ? text.substring(0, 13) + "." : text, x, y);
    }

    private static void legend(Graphics2D g, String[] names, Color[] colors, int y) {
        int x = WIDTH - RIGHT - 90 * names.length;
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(x + i * 90, y - 10, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(names[i], x + i * 90 + 14, y);
        }
    }
}
