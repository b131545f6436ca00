package org.brainfx.app.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders a chart to a PNG file without a display. */
public final class ChartPngWriter {

    static {
        useHeadlessJava2d();
    }

    private ChartPngWriter() {
    }

    /**
     * Lets Java2D draw into images without a window system; without this AWT would try to reach
     * an X display whenever DISPLAY is set, and fail on a machine where it is stale.
     */
    static void useHeadlessJava2d() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Writes {@code chart} as a {@code width × height} PNG, creating the parent folder if needed.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the chart (" + e.getMessage() + ")", e);
        }
    }
}
