package org.brainfx.app.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.workbench.WorkbenchApp;
import org.brainfx.engine.project.FitSettings;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Load a recording and select sweeps: the project's sweeps change undoably and the chart follows; then drag a fit window. */
@ExtendWith(ApplicationExtension.class)
class RecordingViewFlowTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "abf-steps");
    private ProjectDocument document;

    @Start
    void start(Stage stage) {
        document = ProjectDocument.open(PROJECT);
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        ProjectSession session = new ProjectSession(document, BackgroundTasks.executor(), UiExecutor.fx());
        RecordingViewModel model = new RecordingViewModel(session, messages, UiExecutor.fx(),
                BackgroundTasks.executor());
        stage.setScene(new Scene(new RecordingView(model, messages).root(), 1200, 760));
        stage.show();
    }

    private static int responseSeries(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#recording-chart").queryAs(ChartViewer.class);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) viewer.getChart().getPlot();
        return plot.getSubplots().get(0).getDataset(0).getSeriesCount();
    }

    @Test
    void loadARecordingAndSelectSweeps(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#recording-sweep-8").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, responseSeries(robot));
        CheckBox sweep3 = robot.lookup("#recording-sweep-3").queryAs(CheckBox.class);
        assertTrue(sweep3.isSelected());

        robot.clickOn(sweep3);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sweep3.isSelected());
        assertEquals(List.of(0, 1, 2, 4, 5, 6, 7, 8), document.project().recording().sweeps());
        assertTrue(document.isDirty());
        assertEquals(8, responseSeries(robot), "the chart drops the deselected sweep");

        robot.interact(document::undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(document.project().recording().sweeps());
        assertTrue(sweep3.isSelected(), "undo checks the box again");
        assertEquals(9, responseSeries(robot));

        robot.clickOn("#recording-sweep-0");
        robot.clickOn("#recording-sweep-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), document.project().recording().sweeps());
        assertEquals(7, responseSeries(robot));
    }

    @Test
    void dragAFitWindowOnTheChart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#recording-sweep-8").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton mode = robot.lookup("#recording-window-mode").queryAs(ToggleButton.class);
        robot.clickOn(mode);
        assertTrue(mode.isSelected());

        Bounds chart = robot.lookup("#recording-chart").query().localToScreen(
                robot.lookup("#recording-chart").query().getBoundsInLocal());
        double y = chart.getMinY() + chart.getHeight() * 0.4;
        robot.drag(new Point2D(chart.getMinX() + chart.getWidth() * 0.3, y))
                .dropTo(new Point2D(chart.getMinX() + chart.getWidth() * 0.6, y));
        WaitForAsyncUtils.waitForFxEvents();

        FitSettings.LossTerm mse = document.project().fit().losses().get(0);
        assertNotNull(mse.window(), "the drag set the MSE's window");
        assertTrue(mse.window().get(0) > 100 && mse.window().get(1) < 900 && mse.window().get(0) < mse.window().get(1),
                mse.window().toString());
        assertEquals("Set fit window", document.undoDescriptionProperty().get());
        assertFalse(mode.isSelected(), "one window per press of the button; the next drag zooms again");

        robot.clickOn("#recording-clear-window");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(document.project().fit().losses().get(0).window());
    }
}
