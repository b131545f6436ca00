package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.util.ExportUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart export: SVG through JFreeSVG and PNG, chosen by extension, and why JFreeChart's own SVG path is not used. */
class ChartExportTest {

    @TempDir
    Path dir;

    private static JFreeChart chart() {
        List<FitResult.HistoryPoint> history = List.of(new FitResult.HistoryPoint(1, 20, 0.1, 3.0),
                new FitResult.HistoryPoint(2, 40, 0.2, 0.5), new FitResult.HistoryPoint(3, 60, 0.3, 0.01));
        return LossChart.create(history, "Exported loss", "three rounds");
    }

    @Test
    void svgIsAStandaloneDocumentOfTheRequestedSizeWithTheChartsText() throws IOException {
        Path file = dir.resolve("nested/loss.svg");

        ChartExport.save(chart(), file, 640, 360);

        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, Math.min(80, svg.length())));
        assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), "one complete svg element");
        assertTrue(svg.matches("(?s).*<svg [^>]*width='640(\\.0)?' height='360(\\.0)?'.*"), "size as requested");
        assertTrue(svg.contains("Exported loss"), "the title is text, not pixels");
        assertTrue(svg.contains("Wall time (s)"), "axis labels with units");
    }

    @Test
    void pngByExtensionInAnyCase() throws IOException {
        Path file = dir.resolve("loss.PNG");

        ChartExport.save(chart(), file, 500, 300);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(500, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void anotherExtensionIsRefusedWithTheFormatsThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.save(chart(), dir.resolve("loss.jpg"), 500, 300));

        assertTrue(e.getMessage().contains("'jpg'") && e.getMessage().contains("*.svg"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("loss.jpg")));
    }

    /**
     * ChartViewer's "Export As → SVG…" calls this; with JFreeChart 1.5.6 and JFreeSVG 5 it fails,
     * which is why views export through {@link ChartExport}. If this starts passing after an
     * upgrade, the viewer's own menu item works again.
     */
    @Test
    void jfreeChartsOwnSvgExportFailsWithJFreeSvg5() {
        assertTrue(ExportUtils.isJFreeSVGAvailable(), "the viewer offers SVG because JFreeSVG is on the classpath");

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ExportUtils.writeAsSVG(chart(), 500, 300, dir.resolve("viewer.svg").toFile()));

        assertTrue(e.getCause() instanceof NoSuchMethodException, String.valueOf(e.getCause()));
    }
}
