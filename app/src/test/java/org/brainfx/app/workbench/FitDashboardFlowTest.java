package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.brainfx.app.fit.ParameterRow;
import org.brainfx.app.welcome.RecentProjects;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Open a sample project, fit it briefly, watch the loss arrive, read the results, then stop a second fit. */
@ExtendWith(ApplicationExtension.class)
class FitDashboardFlowTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "hh-synthetic", "hh-synthetic.brainfx.json");
    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/fit-flow-" + UUID.randomUUID());
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = new WorkbenchView(ResourceBundle.getBundle(WorkbenchApp.MESSAGES), stage, new RecentProjects(recent));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        recent.removeNode();
    }

    @Test
    void fitStopAndResults(FxRobot robot) throws Exception {
        robot.interact(() -> view.openProject(PROJECT));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fit-dashboard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hh-synthetic", robot.lookup("#project-name").queryAs(Label.class).getText());

        TextField starts = robot.lookup("#fit-starts").queryAs(TextField.class);
        TextField maxIterations = robot.lookup("#fit-max-iterations").queryAs(TextField.class);
        robot.interact(() -> {
            starts.setText("2");
            maxIterations.setText("4");
        });
        robot.clickOn("#fit-start");

        Label status = robot.lookup("#fit-status").queryAs(Label.class);
        ChartViewer chart = robot.lookup("#fit-loss-chart").queryAs(ChartViewer.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getChart().getXYPlot().getDataset().getItemCount(0) > 0, "loss points drawn");
        assertTrue(status.getText().contains("iteration "), status.getText());
        @SuppressWarnings("unchecked")
        TableView<ParameterRow> results = robot.lookup("#fit-results").queryAs(TableView.class);
        assertEquals(List.of("gL", "gNa", "gK", "Vth"),
                results.getItems().stream().map(ParameterRow::name).toList());

        // Random search never converges on its own, so only Stop can end this fit early.
        @SuppressWarnings("unchecked")
        ComboBox<String> optimizer = robot.lookup("#fit-optimizer").queryAs(ComboBox.class);
        robot.interact(() -> {
            optimizer.setValue("random");
            maxIterations.setText("100000");
        });
        robot.clickOn("#fit-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#fit-stop").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#fit-start").queryAs(Button.class).isDisabled(), "no second start while running");
        robot.clickOn("#fit-stop");
        Button start = robot.lookup("#fit-start").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !start.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().startsWith("Stopped (cancelled)"), status.getText());
        assertFalse(results.getItems().isEmpty(), "a stopped fit still reports its best point");
    }

    @Test
    void aBrokenProjectIsReportedWithItsFile(FxRobot robot) throws Exception {
        Path missing = Path.of("..", "sample-projects", "no-such.brainfx.json");
        robot.interact(() -> view.openProject(missing));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Label header = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertTrue(header.getText().contains("no-such.brainfx.json"), header.getText());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Cannot open"),
                "the status line says the open failed");
    }
}
