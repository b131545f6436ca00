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
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.brainfx.app.charts.PaintedChartView;
import org.brainfx.app.fit.FitDashboardView;
import org.brainfx.app.fit.FitDashboardViewModel;
import org.brainfx.app.fit.ParameterRow;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.welcome.RecentProjects;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fit dashboard on a sample project in its own window: edit a setting, start a fit, watch the
 * loss arrive, pause, resume, stop, read the results and apply them to the project; and the
 * workbench reporting a project that cannot be opened.
 */
@ExtendWith(ApplicationExtension.class)
class FitDashboardFlowTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "hh-synthetic", "hh-synthetic.brainfx.json");
    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/fit-flow-" + UUID.randomUUID());
    private WorkbenchView view;
    private ProjectDocument document;
    private Stage dashboardStage;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        view = new WorkbenchView(messages, stage, new RecentProjects(recent));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();

        document = ProjectDocument.open(PROJECT);
        ProjectSession session = new ProjectSession(document, BackgroundTasks.executor(), UiExecutor.fx());
        FitDashboardViewModel model = new FitDashboardViewModel(session, new FitJobRunner(UiExecutor.fx()), messages,
                BackgroundTasks.executor(), UiExecutor.fx());
        dashboardStage = new Stage();
        Scene dashboard = new Scene(new FitDashboardView(model, messages, dashboardStage).root(), 1280, 800);
        dashboard.getStylesheets().add(WorkbenchApp.themeStylesheet()); // styled as in the window
        dashboardStage.setScene(dashboard);
        dashboardStage.show();
        dashboardStage.toFront();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        WaitForAsyncUtils.asyncFx(dashboardStage::close);
        recent.removeNode();
    }

    @Test
    void fitPauseResumeStopAndApply(FxRobot robot) throws Exception {
        Button start = robot.lookup("#fit-start").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !start.isDisabled());
        @SuppressWarnings("unchecked")
        TableView<ParameterRow> planned = robot.lookup("#fit-results").queryAs(TableView.class);
        assertTrue(planned.getItems().isEmpty(), "a hidden results tab is not filled");
        // The form at its narrowest, as in the workbench window, where "Vth (mV)" was cut to "Vth (...".
        SplitPane formAndCharts = (SplitPane) dashboardStage.getScene().getRoot().lookup(".split-pane");
        double[] divider = formAndCharts.getDividerPositions();
        robot.interact(() -> {
            formAndCharts.setDividerPositions(0);
            dashboardStage.setHeight(600); // the form scrolls, its scroll bar taking room from the names
        });
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox vth = robot.lookup("#fit-free-Vth").queryAs(CheckBox.class);
        Text shownName = (Text) vth.lookup(".text");
        assertEquals("Vth (mV)", shownName.getText(), "a free parameter's name and unit are not cut off; width "
                + vth.getWidth() + " of " + formAndCharts.getItems().get(0).getLayoutBounds().getWidth());
        robot.interact(() -> {
            formAndCharts.setDividerPositions(divider);
            dashboardStage.setHeight(800);
        });
        robot.clickOn("#fit-tab-results");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), planned.getItems().stream().map(ParameterRow::name).toList(),
                "before a fit the results table lists what will be fitted");
        assertTrue(planned.getItems().stream().allMatch(r -> Double.isNaN(r.value())), "with no values yet");
        robot.clickOn("#fit-tab-live");
        WaitForAsyncUtils.waitForFxEvents();
        TextField starts = robot.lookup("#fit-starts").queryAs(TextField.class);
        TextField maxIterations = robot.lookup("#fit-maxIterations").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> optimizer = robot.lookup("#fit-optimizer").queryAs(ComboBox.class);
        // Random search never converges on its own, so the fit runs until Stop.
        robot.interact(() -> {
            optimizer.setValue("random");
            starts.setText("4");
            maxIterations.setText("100000");
        });
        assertEquals("random", document.project().fit().optimizer());
        assertEquals(4, document.project().fit().starts());
        robot.interact(() -> starts.setText("0"));
        Label blocked = robot.lookup("#fit-blocked").queryAs(Label.class);
        assertTrue(blocked.getText().contains("Starts must be a whole number"), blocked.getText());
        assertTrue(start.isDisabled());
        robot.interact(() -> starts.setText("4"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !start.isDisabled());

        robot.clickOn("#fit-start");
        Label status = robot.lookup("#fit-status").queryAs(Label.class);
        PaintedChartView loss = robot.lookup("#fit-loss-chart").queryAs(PaintedChartView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> loss.read(c -> ((CombinedRangeXYPlot) c.getXYPlot()).getSubplots().get(0).getDataset()
                        .getItemCount(0)).get() > 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loss.framesShown() > 0);
        assertTrue(start.isDisabled(), "no second start while running");
        assertTrue(robot.lookup("#fit-form-locked").query().isVisible(), "settings locked while running");

        robot.clickOn("#fit-pause");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Paused"));
        Button resume = robot.lookup("#fit-resume").queryAs(Button.class);
        assertFalse(resume.isDisabled());
        robot.clickOn("#fit-resume");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Running"));
        robot.clickOn("#fit-stop");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !start.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().startsWith("Stopped: by you, keeping the best point so far \u00b7 "), status.getText());

        @SuppressWarnings("unchecked")
        TableView<ParameterRow> results = robot.lookup("#fit-results").queryAs(TableView.class);
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), results.getItems().stream().map(ParameterRow::name).toList());
        Tab resultsTab = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "fit-tab-results".equals(t.getId())).findFirst().orElseThrow();
        assertEquals("Results \u2022 new", resultsTab.getText(), "new results are pointed out");
        assertFalse(shown(results), "the live charts stay in view");
        assertTrue(results.getItems().stream().allMatch(r -> Double.isNaN(r.value())),
                "the hidden table waits to be looked at");
        robot.clickOn("Results \u2022 new");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(results), "the results tab is shown");
        assertTrue(results.getItems().stream().allMatch(r -> Double.isFinite(r.value())), "filled when shown");
        assertEquals("Results", resultsTab.getText(), "looked at");
        PaintedChartView voltage = robot.lookup("#fit-voltage-chart").queryAs(PaintedChartView.class);
        assertEquals(3, voltage.read(c -> ((CombinedDomainXYPlot) c.getXYPlot()).getSubplots().size()).get(),
                "three sweeps drawn by default");
        robot.clickOn("Live");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> voltage.isVisible() && voltage.getWidth() > 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> voltage.subplotAt(voltage.getWidth() / 2,
                voltage.getHeight() / 2).get() == 1);
        robot.doubleClickOn(voltage);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> voltage.read(c -> ((CombinedDomainXYPlot) c.getXYPlot())
                .getSubplots().size()).get() == 1);
        assertTrue(robot.lookup("#fit-sweep-2").queryAs(CheckBox.class).isSelected(), "the middle sweep, alone");
        assertFalse(robot.lookup("#fit-sweep-1").queryAs(CheckBox.class).isSelected());
        robot.sleep(600);
        robot.doubleClickOn(voltage);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> voltage.read(c -> ((CombinedDomainXYPlot) c.getXYPlot())
                .getSubplots().size()).get() == 3);
        robot.clickOn("Results");

        Button apply = robot.lookup("#fit-apply").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !apply.isDisabled());
        robot.clickOn("#fit-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Apply fitted parameters", document.undoDescriptionProperty().get());
        assertEquals(results.getItems().get(0).value(), document.project().parameters().get("gL"));
        assertTrue(robot.lookup("#fit-notice").queryAs(Label.class).getText().contains("Undo"));
    }

    /** True when {@code node} and everything above it are visible (a tab's content is hidden with it). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
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
