package org.brainfx.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a network run as pictures with plain Java2D: a spike raster (a row per neuron, populations
 * stacked and coloured by type, thousands of neurons and hundreds of thousands of spikes in tens of
 * milliseconds) and population rates against time. Used by the command line; the same painting
 * serves any view that shows a picture.
 */
public final class NetworkPictures {
    /** Colour of excitatory populations. */
    public static final Color EXCITATORY = new Color(0x1f, 0x5f, 0xbf);
    /** Colour of inhibitory populations. */
    public static final Color INHIBITORY = new Color(0xc8, 0x32, 0x28);
    private static final Color[] OTHERS = {new Color(0x2a, 0x8c, 0x4a), new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x84, 0x1b),
            new Color(0x55, 0x55, 0x55)};
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;

    static {
        ChartPngWriter.useHeadlessJava2d();
    }

    private NetworkPictures() {
    }

    /** One population's part of a picture: its spikes as parallel arrays of step and neuron. */
    public record PopulationSpikes(String name, String type, int size, int[] steps, int[] neurons) { }

    /** The colour of a population by its type and its place among the populations. */
    public static Color colour(String type, int index) {
        return "excitatory".equals(type) ? EXCITATORY : "inhibitory".equals(type) ? INHIBITORY : OTHERS[index % OTHERS.length];
    }

    /** A raster of every spike: time across, neurons down, populations stacked in order. */
    public static BufferedImage raster(String title, List<PopulationSpikes> populations, double dt, int steps, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, title);
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        long total = populations.stream().mapToLong(PopulationSpikes::size).sum();
        int[] pixels = new int[plotW * plotH];
        java.util.Arrays.fill(pixels, 0xffffff);
        long offset = 0;
        for (int p = 0; p < populations.size(); p++) {
            PopulationSpikes pop = populations.get(p);
            int rgb = colour(pop.type(), p).getRGB() & 0xffffff;
            for (int k = 0; k < pop.steps().length; k++) {
                int x = (int) ((long) pop.steps()[k] * plotW / Math.max(1, steps));
                int y = (int) ((offset + pop.neurons()[k]) * plotH / Math.max(1, total));
                if (x < plotW && y < plotH) {
                    pixels[y * plotW + x] = rgb;
                }
            }
            offset += pop.size();
        }
        image.setRGB(LEFT, TOP, plotW, plotH, pixels, 0, plotW);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
        timeAxis(g, steps * dt, plotW, plotH);
        offset = 0;
        FontMetrics fm = g.getFontMetrics();
        for (int p = 0; p < populations.size(); p++) {
            PopulationSpikes pop = populations.get(p);
            int y0 = TOP + (int) (offset * plotH / Math.max(1, total));
            int y1 = TOP + (int) ((offset + pop.size()) * plotH / Math.max(1, total));
            g.setColor(colour(pop.type(), p));
            g.fillRect(LEFT - 8, y0, 5, Math.max(1, y1 - y0));
            String label = pop.name() + " (" + pop.size() + ")";
            g.drawString(label, Math.max(2, LEFT - 12 - fm.stringWidth(label)), (y0 + y1) / 2 + fm.getAscent() / 2);
            offset += pop.size();
        }
        g.dispose();
        return image;
    }

    /** Population rates (Hz) against time, one line per population. */
    public static BufferedImage rates(String title, List<String> names, List<String> types, List<double[]> ratesHz, double binMs,
                                      int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, title);
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double max = 1;
        int bins = 0;
        for (double[] r : ratesHz) {
            bins = Math.max(bins, r.length);
            for (double v : r) {
                max = Math.max(max, v);
            }
        }
        max = niceCeiling(max);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
        timeAxis(g, bins * binMs, plotW, plotH);
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            int y = TOP + plotH - (int) Math.round(plotH * k / 4.0);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = number(v);
            g.drawString(label, LEFT - 6 - fm.stringWidth(label), y + fm.getAscent() / 2);
        }
        g.rotate(-Math.PI / 2);
        g.drawString("rate (Hz)", -(TOP + plotH / 2 + fm.stringWidth("rate (Hz)") / 2), 14);
        g.rotate(Math.PI / 2);
        g.setStroke(new BasicStroke(1.2f));
        int legendX = LEFT + 10;
        for (int p = 0; p < ratesHz.size(); p++) {
            double[] r = ratesHz.get(p);
            Path2D.Double line = new Path2D.Double();
            for (int b = 0; b < r.length; b++) {
                double x = LEFT + (b + 0.5) * plotW / (double) bins;
                double y = TOP + plotH - r[b] / max * plotH;
                if (b == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            Color c = colour(types.get(p), p);
            g.setColor(c);
            g.draw(line);
            g.fillRect(legendX, TOP + 8, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names.get(p), legendX + 18, TOP + 8 + fm.getAscent() / 2 + 2);
            legendX += 30 + fm.stringWidth(names.get(p));
        }
        g.dispose();
        return image;
    }

    /** Writes a picture as PNG, creating the folder. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the picture (" + e.getMessage() + ")", e);
        }
    }

    private static Graphics2D start(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(new Color(0x222222));
        g.drawString(title, LEFT, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void timeAxis(Graphics2D g, double durationMs, int plotW, int plotH) {
        FontMetrics fm = g.getFontMetrics();
        double tick = niceStep(durationMs / 8);
        g.setColor(Color.DARK_GRAY);
        for (double t = 0; t <= durationMs + 1e-9; t += tick) {
            int x = LEFT + (int) Math.round(t / durationMs * plotW);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
            String label = number(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 6 + fm.getAscent());
        }
        String axis = "time (ms)";
        g.drawString(axis, LEFT + plotW / 2 - fm.stringWidth(axis) / 2, TOP + plotH + 36);
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    private static double niceCeiling(double v) {
        double step = niceStep(v / 4);
        return Math.ceil(v / step) * step;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
