package org.brainfx.app.charts;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Saves a chart as PNG or SVG, choosing the format by the file's extension; the one export path
 * for every view and command.
 *
 * <p>JFreeChart's own {@code ExportUtils.writeAsSVG} (behind ChartViewer's "Export As → SVG…")
 * looks for an {@code SVGGraphics2D(int, int)} constructor that JFreeSVG 5 no longer has, so it
 * fails at run time; this class calls JFreeSVG directly.
 */
public final class ChartExport {
    /** The extensions understood, lower case, without the dot. */
    public static final List<String> EXTENSIONS = List.of("png", "svg");

    private ChartExport() {
    }

    /**
     * Draws {@code chart} at {@code width × height} pixels into {@code file} (PNG for {@code .png},
     * SVG for {@code .svg}), creating the parent folder if needed.
     *
     * @throws IllegalArgumentException for another extension or a size below one pixel
     * @throws IOException              naming the file when it cannot be written
     */
    public static void save(JFreeChart chart, Path file, int width, int height) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("chart size must be at least 1 × 1 pixels, got " + width + " × " + height);
        }
        String extension = extension(file);
        switch (extension) {
            case "png" -> ChartPngWriter.write(chart, file, width, height);
            case "svg" -> writeSvg(chart, file, width, height);
            default -> throw new IllegalArgumentException(file + ": cannot export a chart as '" + extension
                    + "'; name the file *.png or *.svg");
        }
    }

    /** The file's extension in lower case, or "" when it has none. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, g.getSVGDocument());
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the chart (" + e.getMessage() + ")", e);
        }
    }
}
