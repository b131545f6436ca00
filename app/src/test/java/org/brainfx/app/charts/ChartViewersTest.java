package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Element;

/** The shared export menu of chart viewers: exactly PNG and SVG, a real SVG file, and failures in an alert. */
@ExtendWith(ApplicationExtension.class)
class ChartViewersTest {

    private final ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private ChartViewer viewer;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        List<FitResult.HistoryPoint> history = List.of(new FitResult.HistoryPoint(1, 20, 0.1, 3.0),
                new FitResult.HistoryPoint(2, 40, 0.2, 0.01));
        viewer = new ChartViewer(LossChart.create(history, "Exported loss", "two rounds"));
        ChartViewers.installExportMenu(viewer, messages, () -> "hh/synthetic-loss");
        stage.setScene(new Scene(new StackPane(viewer), 640, 400));
        stage.show();
    }

    @Test
    void theMenuOffersExactlyPngAndSvg() {
        List<MenuItem> items = viewer.getContextMenu().getItems();

        assertEquals(List.of("Export chart as PNG\u2026", "Export chart as SVG\u2026"),
                items.stream().map(MenuItem::getText).toList(), "the viewer's broken SVG export is gone");
        assertEquals(List.of("chart-export-png", "chart-export-svg"), items.stream().map(MenuItem::getId).toList());
    }

    @Test
    void theSvgPathWritesAnSvgDocumentOfTheViewersSize(FxRobot robot) throws Exception {
        Path file = dir.resolve("loss.svg");
        AtomicBoolean saved = new AtomicBoolean();

        robot.interact(() -> saved.set(ChartViewers.save(viewer, messages, file)));

        assertTrue(saved.get());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // Well-formed is what is checked; the DOCTYPE's DTD would be fetched from the network.
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element svg = xml.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertEquals("svg", svg.getTagName());
        assertTrue(viewer.getWidth() > 0 && viewer.getHeight() > 0, "the viewer is laid out");
        assertEquals(viewer.getWidth(), Double.parseDouble(svg.getAttribute("width")), 0.5, "the viewer's size");
        assertEquals(viewer.getHeight(), Double.parseDouble(svg.getAttribute("height")), 0.5);
        assertTrue(Files.readString(file).contains("Exported loss"), "the title is text");
    }

    @Test
    void aFailedSaveIsShownInAnAlertNamingTheFileAndTheReason(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "x");
        Path file = dir.resolve("not-a-folder").resolve("loss.svg");
        AtomicBoolean saved = new AtomicBoolean(true);

        robot.interact(() -> saved.set(ChartViewers.save(viewer, messages, file)));

        assertFalse(saved.get());
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        try {
            assertEquals("Export Failed", alert.getHeaderText());
            assertTrue(alert.getContentText().startsWith("Cannot save " + file + ":\n"), alert.getContentText());
            assertTrue(alert.getContentText().length() > ("Cannot save " + file + ":\n").length(), "with a reason");
        } finally {
            robot.interact(() -> alert.getScene().getWindow().hide());
        }
    }

    @Test
    void suggestedNamesAreFileNames() {
        assertEquals("hh-synthetic-loss", ChartViewers.fileName("hh/synthetic-loss"));
        assertEquals("chart", ChartViewers.fileName("  "));
        assertEquals("chart", ChartViewers.fileName(null));
    }
}
