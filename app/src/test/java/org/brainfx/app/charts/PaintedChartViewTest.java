package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart drawn on the painter thread: changes reach the picture, a dragged rectangle and the
 * wheel zoom, a double-click shows all data again, the menu exports, and a failing change is shown.
 */
@ExtendWith(ApplicationExtension.class)
class PaintedChartViewTest {

    private static final Color LINE = new Color(220, 0, 0);
    private final ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private final DefaultXYDataset data = new DefaultXYDataset();
    private PaintedChartView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(4f));
        XYPlot plot = new XYPlot(data, new NumberAxis("t"), new NumberAxis("v"), renderer);
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        view = new PaintedChartView(chart, 10, messages, () -> "painted");
        stage.setScene(new Scene(new StackPane(view), 600, 400));
        stage.show();
    }

    @Test
    void aChangeReachesThePicture() throws Exception {
        assertEquals(0, redPixels(), "no series yet");
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redPixels() > 500);
        assertEquals(3, view.read(c -> c.getXYPlot().getDataset().getItemCount(0)).get());
    }

    @Test
    void aHiddenViewKeepsItsNewestPictureUntilItIsShownAgain() throws Exception {
        StackPane parent = (StackPane) view.getParent();
        WaitForAsyncUtils.asyncFx(() -> parent.setVisible(false)).get(10, TimeUnit.SECONDS);
        long before = WaitForAsyncUtils.asyncFx(view::framesShown).get();
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the painter draws within 10 ms
        assertEquals(before, WaitForAsyncUtils.asyncFx(view::framesShown).get(), "nothing shown while hidden");
        assertEquals(0, redPixels());

        WaitForAsyncUtils.asyncFx(() -> parent.setVisible(true)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redPixels() > 500);
    }

    @Test
    void aDraggedRectangleZoomsAndADoubleClickShowsAllAgain(FxRobot robot) throws Exception {
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redPixels() > 500);
        Range full = view.read(c -> c.getXYPlot().getDomainAxis().getRange()).get();
        Bounds screen = WaitForAsyncUtils.asyncFx(() -> view.localToScreen(view.getLayoutBounds())).get();

        robot.moveTo(screen.getMinX() + screen.getWidth() * 0.4, screen.getMinY() + screen.getHeight() * 0.3)
                .press(MouseButton.PRIMARY)
                .moveBy(screen.getWidth() * 0.2, screen.getHeight() * 0.3)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.read(c -> c.getXYPlot().getDomainAxis().getRange()).get().getLength() < full.getLength() / 2);

        robot.doubleClickOn(view);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.read(c -> c.getXYPlot().getDomainAxis().getRange()).get().equals(full));
    }

    @Test
    void theWheelZoomsAroundThePointer(FxRobot robot) throws Exception {
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redPixels() > 500);
        Range full = view.read(c -> c.getXYPlot().getDomainAxis().getRange()).get();

        robot.moveTo(view).scroll(VerticalDirection.UP);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.read(c -> c.getXYPlot().getDomainAxis().getRange()).get().getLength() != full.getLength());
    }

    @Test
    void theMenuExportsPngAndSvgAndResetsTheZoom() throws Exception {
        List<String> ids = view.menuItems().stream().map(MenuItem::getId).toList();
        assertEquals(List.of("chart-export-png", "chart-export-svg", "chart-zoom-reset"),
                ids.stream().filter(id -> id != null).toList());
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        Path svg = dir.resolve("painted.svg");

        view.export(svg).get(10, TimeUnit.SECONDS);

        String text = Files.readString(svg);
        assertTrue(text.contains("<svg "), "an SVG document");
        String size = WaitForAsyncUtils.asyncFx(() -> "width='" + Math.round(view.getWidth()) + ".0' height='"
                + Math.round(view.getHeight()) + ".0'").get();
        assertTrue(text.contains(size), "at the view's size, " + size + ": " + text.substring(0, Math.min(300, text.length())));
    }

    @Test
    void aNarrowChartIsExportedWideEnoughForItsLabelsAndStaysCompactOnScreen() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setMaxWidth(200)).get(10, TimeUnit.SECONDS);
        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.read(c -> c.getXYPlot().getRangeAxis().getLabel() == null).get());
        Path svg = dir.resolve("narrow.svg");

        view.export(svg).get(10, TimeUnit.SECONDS);

        String text = Files.readString(svg);
        assertTrue(text.contains("width='" + Math.round(SmallChartLayout.COMPACT_WIDTH) + ".0'"),
                text.substring(0, Math.min(300, text.length())));
        assertTrue(view.read(c -> c.getXYPlot().getRangeAxis().getLabel() == null).get(), "compact again on screen");
    }

    @Test
    void aFailingChangeIsShownOnTheChart(FxRobot robot) throws Exception {
        view.update(c -> {
            throw new IllegalStateException("no traces for sweep 7");
        });
        Label failure = robot.lookup(".chart-failure").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, failure::isVisible);
        assertTrue(failure.getText().contains("no traces for sweep 7"), failure.getText());
        view.read(c -> null).get(10, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertTrue(failure.isVisible(), "the message stays while nothing new has been drawn");

        view.update(c -> data.addSeries("v", new double[][]{{0, 50, 100}, {0, 10, 0}}));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !failure.isVisible());
    }

    /** Pixels of the series' red in the picture shown now. */
    private int redPixels() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = view.picture();
            if (image == null) {
                return 0;
            }
            PixelReader reader = image.getPixelReader();
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = reader.getArgb(x, y);
                    if ((argb >> 16 & 0xff) > 200 && (argb >> 8 & 0xff) < 40 && (argb & 0xff) < 40) {
                        count++;
                    }
                }
            }
            return count;
        }).get();
    }
}
