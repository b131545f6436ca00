package org.brainfx.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.FitConfig;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Race two optimizers on hh-synthetic with a tiny budget through the Compare view and read the table. */
@ExtendWith(ApplicationExtension.class)
class CompareFlowTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "hh-synthetic");

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        ProjectSession session = new ProjectSession(ProjectDocument.open(PROJECT), Runnable::run, UiExecutor.direct());
        CompareViewModel model = new CompareViewModel(session,
                new CompareRunner(BackgroundTasks.executor(), UiExecutor.fx()), messages);
        Scene scene = new Scene(new CompareView(model, messages).root(), 1100, 760);
        scene.getStylesheets().add(CompareFlowTest.class.getResource("/org/brainfx/ui/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void raceTwoOptimizersAndGetTwoRows(FxRobot robot) throws Exception {
        for (String name : FitConfig.OPTIMIZERS) {
            CheckBox box = robot.lookup("#compare-optimizer-" + name).queryAs(CheckBox.class);
            if (box.isSelected() != List.of("lbfgsb", "random").contains(name)) {
                robot.clickOn(box);
            }
        }
        TextField budget = robot.lookup("#compare-budget").queryAs(TextField.class);
        TextField repeats = robot.lookup("#compare-repeats").queryAs(TextField.class);
        robot.interact(() -> {
            budget.setText("0.2");
            repeats.setText("1");
        });
        assertEquals("2 runs \u00b7 about 0.4 s", robot.lookup("#compare-plan").queryAs(Label.class).getText());
        Button csv = robot.lookup("#compare-export-csv").queryAs(Button.class);
        assertTrue(csv.isDisabled(), "nothing to export before a race");

        robot.clickOn("#compare-start");

        @SuppressWarnings("unchecked")
        TableView<CompareRow> table = robot.lookup("#compare-table").queryAs(TableView.class);
        Label status = robot.lookup("#compare-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("lbfgsb", "random"), table.getItems().stream().map(CompareRow::optimizer).toList());
        assertEquals(1, table.getItems().stream().filter(CompareRow::best).count());
        assertFalse(csv.isDisabled(), "the table can be exported");
        assertFalse(robot.lookup("#compare-start").queryAs(Button.class).isDisabled(), "ready for another race");
        ChartViewer chart = robot.lookup("#compare-chart").queryAs(ChartViewer.class);
        assertEquals(2, chart.getChart().getXYPlot().getDataset().getSeriesCount(), "one curve per run");
        assertEquals(List.of("Export chart as PNG\u2026", "Export chart as SVG\u2026"),
                chart.getContextMenu().getItems().stream().map(MenuItem::getText).toList(),
                "the viewer's broken SVG export is replaced");
    }
}
