package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.brainfx.app.training.TrainingLiveCharts;
import org.brainfx.app.training.TrainingView;
import org.brainfx.app.training.TrainingViewModel;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.engine.train.RsnnWeightFiles;
import org.brainfx.engine.train.RsnnWeights;
import org.brainfx.engine.train.TrainProgress;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;
import org.brainfx.engine.train.TrainingSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training dashboard in the workbench: opening a training project shows the Training tab; a
 * setting the engine refuses is refused on its row; Start trains a small E/I network to the end with
 * the curves, histograms and an example trial filled; Pause holds the run until Resume; the charts
 * export as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardFlowTest {

    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/training-flow-" + UUID.randomUUID());
    private WorkbenchView view;
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        view = new WorkbenchView(messages, stage, new RecentProjects(recent));
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.themeStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        WaitForAsyncUtils.asyncFx(() -> view.closeRequested());
        recent.removeNode();
    }

    /** A small evidence-accumulation project: 12 E + 4 I neurons, 4 batches of 8 trials. */
    static Path smallProject(Path dir, int batches) throws IOException {
        Path file = dir.resolve("small.brainfx.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "name": "small-training",
                  "task": {"name": "evidence_accumulation", "settings": {"cues": 3, "delayMs": 100}},
                  "rsnn": {"excitatory": 12, "inhibitory": 4},
                  "training": {"batchSize": 8, "batches": %d, "evaluationTrials": 16, "evaluateEvery": 2,
                               "checkpointEvery": 0}
                }
                """.formatted(batches));
        return file;
    }

    private TrainingViewModel open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> view.openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.trainingModel() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#view-tabs").queryAs(TabPane.class);
        assertEquals("tab-training", tabs.getSelectionModel().getSelectedItem().getId(), "the Training tab shows");
        assertEquals(view.trainingModel().name() + " (training project)",
                robot.lookup("#project-name").queryAs(Label.class).getText(), "the explorer names the open project");
        return view.trainingModel();
    }

    /** Presses a button of the side panel (it may be scrolled out of sight at this window size). */
    private static void press(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryAs(Button.class);
        assertFalse(b.isDisabled(), id + " is enabled");
        robot.interact(b::fire);
    }

    private TrainingView trainingView(FxRobot robot) {
        Node root = robot.lookup("#training-view").query();
        return (TrainingView) root.getProperties().get(TrainingView.class);
    }

    @Test
    void invalidSettingIsRefusedOnItsRow(FxRobot robot) throws Exception {
        TrainingViewModel model = open(robot, smallProject(dir, 4));
        TextField batches = robot.lookup("#training-batches").queryAs(TextField.class);
        Label error = robot.lookup("#training-batches-error").queryAs(Label.class);
        Button start = robot.lookup("#training-start").queryAs(Button.class);
        assertEquals("4", batches.getText(), "the form starts at the project's value");
        assertFalse(error.isVisible());
        assertFalse(start.isDisabled());
        robot.interact(() -> batches.setText("0"));
        assertTrue(error.isVisible(), "the refusal shows on the row");
        assertTrue(error.getText().contains("batches") && error.getText().contains("at least 1"), error.getText());
        assertTrue(start.isDisabled(), "Start waits for a valid form");
        assertEquals("", robot.lookup("#training-threads-error").queryAs(Label.class).getText(), "other rows stay valid");
        robot.interact(() -> batches.setText("four"));
        assertTrue(error.getText().contains("'four' is not a whole number"), error.getText());
        TextField rate = robot.lookup("#training-learningRate").queryAs(TextField.class);
        robot.interact(() -> {
            batches.setText("4");
            rate.setText("-1");
        });
        assertFalse(error.isVisible());
        assertTrue(robot.lookup("#training-learningRate-error").queryAs(Label.class).getText().contains("learningRate"));
        assertTrue(start.isDisabled());
        robot.interact(() -> rate.setText("0.002"));
        assertFalse(start.isDisabled());
        assertEquals(0.002, model.form().settingsProperty().get().learningRate());
    }

    @Test
    void aProjectTheEngineCannotBuildSaysWhyAndStaysReady(FxRobot robot) throws Exception {
        Path file = smallProject(dir, 4);
        Files.writeString(file, Files.readString(file).replace("evidence_accumulation", "evidence_accumulaton"));
        TrainingViewModel model = open(robot, file);
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.failureProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#training-failure").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Training failed: ") && shown.contains("evidence_accumulaton"), shown);
        assertEquals(TrainingViewModel.State.IDLE, model.stateProperty().get());
        assertFalse(robot.lookup("#training-start").queryAs(Button.class).isDisabled(), "fix the file and start again");
    }

    @Test
    void startTrainsToTheEndAndFillsTheCharts(FxRobot robot) throws Exception {
        TrainingViewModel model = open(robot, smallProject(dir, 4));
        TrainingView trainingView = trainingView(robot);
        assertEquals(0, trainingView.readCharts(TrainingLiveCharts::lossPoints).get(10, TimeUnit.SECONDS));
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingViewModel.State.IDLE, model.stateProperty().get());
        assertEquals(4, model.resultProperty().get().batches());
        assertEquals(4, trainingView.readCharts(TrainingLiveCharts::lossPoints).get(10, TimeUnit.SECONDS),
                "one loss point per batch");
        assertEquals(2, trainingView.readCharts(TrainingLiveCharts::heldOutPoints).get(10, TimeUnit.SECONDS),
                "held-out points every 2 batches");
        assertEquals(41, trainingView.readCharts(TrainingLiveCharts::histogramBins).get(10, TimeUnit.SECONDS),
                "the histogram now: 40 bins and the closing edge");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> trainingView.trialChart() != null);
        assertNotNull(trainingView.trialChart(), "an example trial when the run ends");
        String result = robot.lookup("#training-result").queryAs(Label.class).getText();
        assertTrue(result.contains("test accuracy") && result.contains("batches used"), result);
        assertTrue(robot.lookup("#training-status").queryAs(Label.class).getText().startsWith("Ended after 4 batches"));
        assertTrue(robot.lookup("#training-rates").queryAs(Label.class).getText().contains("Hz"));
        assertEquals("", model.failureProperty().get());
        assertEquals(List.of("Train small-training"), view.model().jobs().stream().map(j -> j.title()).toList(),
                "the run is listed in the job panel");
        assertEquals(1.0, view.model().jobs().get(0).progress().get(), 1e-9);
        Path out = dir.resolve("pictures");
        List<Path> written = WaitForAsyncUtils.asyncFx(() -> trainingView.exportPictures(out)).get(30, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        assertEquals(10, written.size(), "curves, weights, rates, matrix, trial, each as PNG and SVG");
        for (Path f : written) {
            assertTrue(Files.size(f) > 5_000, f + " is a picture");
            if (f.toString().endsWith(".svg")) {
                String svg = Files.readString(f);
                assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), f + " is SVG");
                assertTrue(svg.trim().endsWith("</svg>"), f + " is complete");
            }
        }
        assertTrue(written.contains(out.resolve("small-training-matrix.svg")), written.toString());
        List<Path> data = model.exportData(out);
        assertEquals(out.resolve("small-training-training.csv"), data.get(0));
        assertEquals(5, Files.readAllLines(data.get(0)).size(), "a header and a row per batch");
        assertEquals(List.of("input.npy", "excitatory.npy", "inhibitory.npy", "readout.npy"),
                data.subList(1, 5).stream().map(f -> f.getFileName().toString()).toList());
        RsnnWeights exported = RsnnWeightFiles.read(out.resolve("small-training-weights"),
                TrainingSetup.of(model.project(), model.project().training(), dir).network());
        assertArrayEquals(model.resultProperty().get().best().readout(), exported.readout(), "the best weights");
    }

    @Test
    void trainedWeightsApplyToTheProjectUndoablyAndSettingsSave(FxRobot robot) throws Exception {
        Path file = smallProject(dir, 2);
        TrainingViewModel model = open(robot, file);
        Button apply = robot.lookup("#training-apply").queryAs(Button.class);
        assertTrue(apply.isDisabled(), "nothing to apply before a run");
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        float[] best = model.resultProperty().get().best().readout();
        robot.clickOn("#training-apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.project().rsnn().weights() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TrainingProject saved = TrainingProjectFiles.read(file);
        assertEquals("small-training-weights", saved.rsnn().weights(), "written to the file at once");
        assertEquals(12, saved.rsnn().excitatory(), "the rest of the network kept");
        TrainingSetup from = TrainingSetup.of(saved, saved.training(), dir);
        assertArrayEquals(best, from.initial().readout(), "the project now starts from the trained weights");
        assertTrue(robot.lookup("#training-notice").queryAs(Label.class).getText().contains("small-training-weights"));

        assertFalse(robot.lookup("#tool-undo").queryAs(Button.class).isDisabled(), "Edit > Undo follows the dashboard's edits");
        robot.clickOn("#tool-undo");
        assertNull(TrainingProjectFiles.read(file).rsnn().weights(), "undo points the project back");
        assertTrue(Files.exists(dir.resolve("small-training-weights/readout.npy")), "the weight files stay");
        press(robot, "#training-redo");
        assertEquals("small-training-weights", TrainingProjectFiles.read(file).rsnn().weights());

        TextField batches = robot.lookup("#training-batches").queryAs(TextField.class);
        robot.interact(() -> batches.setText("7"));
        press(robot, "#training-save");
        assertEquals(7, TrainingProjectFiles.read(file).training().batches());
        assertEquals("small-training-weights", TrainingProjectFiles.read(file).rsnn().weights(), "one edit at a time");
        press(robot, "#training-undo");
        assertEquals(2, TrainingProjectFiles.read(file).training().batches());
    }

    @Test
    void pauseHoldsTheRunUntilResumeAndStopKeepsTheBest(FxRobot robot) throws Exception {
        TrainingViewModel model = open(robot, smallProject(dir, 100_000));
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.progressProperty().get() != null
                && model.progressProperty().get().batch() >= 1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.trialProperty().get() != null
                && model.matrixProperty().get() != null);
        assertTrue(model.stateProperty().get().active(), "the example trial and the weight matrix show while training");
        robot.clickOn("#training-pause");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "paused".equals(model.progressProperty().get().status()));
        assertEquals(TrainingViewModel.State.PAUSED, model.stateProperty().get());
        long held = model.progressProperty().get().batch();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        TrainProgress still = model.progressProperty().get();
        assertEquals(held, still.batch(), "no batch trained while paused");
        assertTrue(robot.lookup("#training-status").queryAs(Label.class).getText().contains("paused"));
        robot.clickOn("#training-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.progressProperty().get().batch() > held);
        robot.clickOn("#training-stop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", model.resultProperty().get().stop());
        assertTrue(model.resultProperty().get().batches() > held);
        assertFalse(robot.lookup("#training-start").queryAs(Button.class).isDisabled(), "a new run may start");
    }
}
