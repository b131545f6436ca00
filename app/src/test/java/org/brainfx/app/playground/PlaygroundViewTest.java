package org.brainfx.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Mount the playground on hh-synthetic, move a slider with the robot, and see the trace change. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundViewTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "hh-synthetic");
    private ProjectDocument document;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        document = ProjectDocument.open(PROJECT);
        ProjectSession session = new ProjectSession(document, BackgroundTasks.executor(), UiExecutor.fx());
        PlaygroundViewModel model = new PlaygroundViewModel(session, messages, BackgroundTasks.executor(),
                UiExecutor.fx());
        stage.setScene(new Scene(new PlaygroundView(model, messages).root(), 1100, 700));
        stage.show();
    }

    /** The membrane potential as drawn (after decimation). */
    private static double[] drawnMembrane(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#playground-trace-chart").queryAs(ChartViewer.class);
        XYDataset data = ((CombinedDomainXYPlot) viewer.getChart().getPlot()).getSubplots().get(0).getDataset();
        if (data.getSeriesCount() == 0) {
            return new double[0];
        }
        double[] y = new double[data.getItemCount(0)];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.getYValue(0, i);
        }
        return y;
    }

    @Test
    void movingASliderChangesTheTrace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> drawnMembrane(robot).length > 0);
        WaitForAsyncUtils.waitForFxEvents();
        double[] before = drawnMembrane(robot);
        Label value = robot.lookup("#playground-param-gNa-value").queryAs(Label.class);
        assertEquals("15 \u00b5S", value.getText());
        Button apply = robot.lookup("#playground-apply").queryAs(Button.class);
        assertTrue(apply.isDisabled(), "nothing to apply before a slider moves");

        Slider gNa = robot.lookup("#playground-param-gNa").queryAs(Slider.class);
        robot.drag(gNa.lookup(".thumb")).moveBy(-120, 0).drop();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !java.util.Arrays.equals(before, drawnMembrane(robot)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(value.getText().equals("15 \u00b5S"), value.getText());
        assertFalse(apply.isDisabled(), "a moved slider can be applied");

        robot.clickOn(apply);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(document.isDirty(), "Apply edits the project");
        assertEquals(value.getText(), PlaygroundViewModel.number(document.project().parameters().get("gNa")) + " \u00b5S");
    }
}
