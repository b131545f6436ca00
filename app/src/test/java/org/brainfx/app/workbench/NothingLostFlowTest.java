package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.SampleCopies;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.StopReason;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.SavedFit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing a user makes is lost: Save As to another folder keeps the data found, fit results are
 * kept in the project and come back when it is reopened, a bundled sample is never overwritten,
 * and a stalled fit is not called converged.
 */
@ExtendWith(ApplicationExtension.class)
class NothingLostFlowTest {

    private static final Path SAMPLES = Path.of("..", "sample-projects");

    @TempDir
    Path dir;

    private final Preferences recentNode = Preferences.userRoot().node("org/brainfx/test/lost-" + UUID.randomUUID());
    private final Deque<Path> saveTargets = new ArrayDeque<>();
    private ProjectDocument.DataFiles dataChoice = ProjectDocument.DataFiles.REFER;
    private final List<Path> located = new java.util.ArrayList<>();
    private RecentProjects recent;
    private WorkbenchView view;

    /** Answers the window's questions as a user would; the file choosers are native windows. */
    private final class Answers extends WorkbenchDialogs {
        Answers(ResourceBundle messages, Stage stage) {
            super(messages, stage);
        }

        @Override
        Optional<Path> saveAsTarget(Path current, boolean sample) {
            return Optional.ofNullable(saveTargets.poll());
        }

        @Override
        Optional<ProjectDocument.DataFiles> dataFiles(Path target, boolean sample) {
            return Optional.of(dataChoice);
        }

        @Override
        Optional<Path> locate(String field, Path tried) {
            located.add(tried);
            return Optional.of(dir.resolve("work").resolve("data").resolve("hh-traces").resolve(tried.getFileName().toString()));
        }

        @Override
        Unsaved unsaved(String name) {
            return Unsaved.CANCEL;
        }

        @Override
        void error(String header, String message) {
            throw new AssertionError(header + ": " + message);
        }
    }

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        recent = new RecentProjects(recentNode);
        view = new WorkbenchView(messages, stage, recent, new Answers(messages, stage), SAMPLES);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        recentNode.removeNode();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> view.openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().session() != null
                && view.model().session().document().file().equals(file.toAbsolutePath().normalize())
                && !view.model().session().resolvingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The hh sample as a user's project: the file in {@code work/fit}, its traces in {@code work/data} by relative path. */
    private Path projectWithRelativeData() throws Exception {
        Path data = dir.resolve("work").resolve("data").resolve("hh-traces");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(SAMPLES.resolve("data").resolve("hh-traces"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName().toString()));
            }
        }
        Path file = dir.resolve("work").resolve("fit").resolve("hh.brainfx.json");
        Project p = ProjectFiles.read(SAMPLES.resolve("hh-synthetic").resolve("hh-synthetic.brainfx.json"));
        assertEquals("../data/hh-traces/input_traces_hh.csv", p.stimulus().traces().file());
        // A short fit: a test waits for its end.
        ProjectFiles.write(ProjectEdits.withFit(p, ProjectEdits.withRun(p.fit(), "lbfgsb", 2, 3, null, 1L)), file);
        return file;
    }

    private void fitToTheEnd(FxRobot robot) throws Exception {
        int before = view.model().session().document().project().savedFits().size();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.projectTabs() != null
                && view.projectTabs().fitModel().canStartProperty().get());
        robot.clickOn("#tool-fit-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> view.model().session().document().project().savedFits().size() == before + 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void saveAsToAnotherFolderKeepsTheDataFoundAndTheCopyFitsAfterReopening(FxRobot robot) throws Exception {
        Path original = projectWithRelativeData();
        open(robot, original);
        Path target = dir.resolve("elsewhere").resolve("deeper").resolve("moved.brainfx.json");
        saveTargets.add(target);
        robot.clickOn("#tool-save"); // not a sample: Save writes in place
        robot.interact(() -> view.saveAs());
        assertEquals(target, view.model().session().document().file());
        assertEquals("../../work/data/hh-traces/input_traces_hh.csv",
                ProjectFiles.read(target).stimulus().traces().file(), "the relative path now starts from the new folder");
        assertEquals(target, recent.list().get(0), "Save As adds the new file to Recent Projects");

        open(robot, SampleCopies.copy("gif-synthetic", dir.resolve("other")));
        open(robot, target);
        assertEquals("", view.model().session().errorProperty().get());
        assertTrue(view.model().resolved() != null && view.model().resolved().file().equals(target));
        fitToTheEnd(robot);
        assertTrue(Double.isFinite(view.model().session().document().project().savedFits().get(0).loss()));
    }

    @Test
    void aMissingDataFileIsNamedAndLocatingItFindsTheOthersToo(FxRobot robot) throws Exception {
        projectWithRelativeData();
        // The brian2 sample refers to two files in ../data/hh-traces; from "moved" they are not there.
        Path moved = dir.resolve("moved").resolve("p.brainfx.json");
        Files.createDirectories(moved.getParent());
        Files.copy(SAMPLES.resolve("hh-brian2-traces").resolve("hh-brian2-traces.brainfx.json"), moved);
        open(robot, moved);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().session().missingFileProperty().get() != null);
        assertTrue(robot.lookup("#missing-file-bar").query().isVisible());
        String said = robot.lookup("#missing-file-text").queryAs(Label.class).getText();
        Path tried = dir.resolve("data").resolve("hh-traces").resolve("input_traces_hh.csv");
        assertTrue(said.contains(tried.toString()), "names the path looked for: " + said);

        robot.clickOn("#missing-file-locate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().resolved() != null
                && view.model().session().missingFileProperty().get() == null);
        assertEquals(List.of(tried), located, "asked once: the target beside it was found too");
        Project p = view.model().session().document().project();
        assertEquals("../work/data/hh-traces/input_traces_hh.csv", p.stimulus().traces().file());
        assertEquals("../work/data/hh-traces/output_traces_hh.csv", p.target().traces().file());
        assertFalse(robot.lookup("#missing-file-bar").query().isVisible());
        robot.clickOn("#tool-save");
        assertEquals(p, ProjectFiles.read(moved), "remembered in the project");
    }

    @Test
    void fileCloseAsksAboutUnsavedChangesThenShowsTheWelcomePage(FxRobot robot) throws Exception {
        open(robot, projectWithRelativeData());
        ProjectDocument doc = view.model().session().document();
        robot.interact(() -> doc.edit("Rename", p -> ProjectEdits.withNameAndDescription(p, "changed", p.description())));
        robot.interact(() -> view.closeProject());
        assertEquals(doc, view.model().session().document(), "cancelled: the project stays open");
        robot.interact(() -> doc.undo());
        robot.interact(() -> view.closeProject());
        assertNull(view.model().session());
        assertNull(view.projectTabs());
        @SuppressWarnings("unchecked")
        TreeView<ExplorerItem> explorer = robot.lookup("#project-explorer").queryAs(TreeView.class);
        assertEquals(0, explorer.getRoot().getChildren().size());
        javafx.scene.control.TabPane tabs = robot.lookup("#view-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals(List.of("tab-home"), tabs.getTabs().stream().map(javafx.scene.control.Tab::getId).toList());
        assertTrue(view.titleProperty().get().startsWith("BrainFX"), view.titleProperty().get());
    }

    @Test
    void saveAsCanCopyTheDataBesideTheProject(FxRobot robot) throws Exception {
        open(robot, projectWithRelativeData());
        Path target = dir.resolve("portable").resolve("p.brainfx.json");
        saveTargets.add(target);
        dataChoice = ProjectDocument.DataFiles.COPY;
        robot.interact(() -> view.saveAs());
        assertEquals("input_traces_hh.csv", ProjectFiles.read(target).stimulus().traces().file());
        assertTrue(Files.isRegularFile(target.resolveSibling("input_traces_hh.csv")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.model().session().resolvingProperty().get());
        assertEquals("", view.model().session().errorProperty().get());
    }

    @Test
    void aFitsResultIsKeptSavedListedAfterReopeningAndDeletable(FxRobot robot) throws Exception {
        Path file = projectWithRelativeData();
        open(robot, file);
        fitToTheEnd(robot);
        ProjectDocument doc = view.model().session().document();
        assertTrue(doc.isDirty(), "a new result is an unsaved change, so switching projects asks first");
        SavedFit kept = doc.project().savedFits().get(0);
        assertEquals(4, kept.params().size());
        assertEquals(5, kept.sweeps());
        assertEquals(5, kept.fittedSpikes().size(), "the fit was simulated for the per-sweep table");
        assertEquals("lbfgsb", kept.settings().optimizer());

        robot.interact(() -> view.openProject(SampleCopies.copy("gif-synthetic", dir.resolve("other"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(file.toAbsolutePath().normalize(), view.model().session().document().file(),
                "cancelling the question about unsaved changes keeps the project and its result");

        robot.clickOn("#tool-save");
        assertFalse(doc.isDirty());
        open(robot, SampleCopies.copy("gif-synthetic", dir.resolve("other2")));
        open(robot, file);
        @SuppressWarnings("unchecked")
        TreeView<ExplorerItem> explorer = robot.lookup("#project-explorer").queryAs(TreeView.class);
        TreeItem<ExplorerItem> results = explorer.getRoot().getChildren().get(4);
        assertEquals(ExplorerItem.Kind.RESULTS, results.getValue().kind());
        assertEquals(1, results.getChildren().size());
        assertEquals(kept, results.getChildren().get(0).getValue().result(), "reopened intact");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> kept.equals(view.projectTabs().fitModel().results().shownSavedProperty().get()));
        assertEquals(4, view.projectTabs().fitModel().results().parameterRows().size(), "the dashboard shows the kept result");
        assertEquals(5, view.projectTabs().fitModel().results().sweepLosses().size());

        robot.interact(() -> explorer.getSelectionModel().select(results.getChildren().get(0)));
        robot.interact(() -> explorer.requestFocus());
        robot.press(javafx.scene.input.KeyCode.DELETE).release(javafx.scene.input.KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), view.model().session().document().project().savedFits());
        assertEquals(0, explorer.getRoot().getChildren().get(4).getChildren().size());
    }

    @Test
    void aSampleOpensReadOnlyAndSaveNeverTouchesIt(FxRobot robot) throws Exception {
        Path sample = SAMPLES.resolve("hh-synthetic").resolve("hh-synthetic.brainfx.json");
        byte[] before = Files.readAllBytes(sample);
        FileTime modified = Files.getLastModifiedTime(sample);
        open(robot, sample);
        ProjectDocument doc = view.model().session().document();
        assertTrue(doc.isReadOnly());
        assertTrue(view.titleProperty().get().contains("read-only"), view.titleProperty().get());
        robot.interact(() -> doc.edit("Rename", p -> ProjectEdits.withNameAndDescription(p, "mine", p.description())));
        robot.interact(() -> view.model().autosave());

        Path target = dir.resolve("mine").resolve("mine.brainfx.json");
        saveTargets.add(target);
        dataChoice = ProjectDocument.DataFiles.COPY;
        robot.clickOn("#tool-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new String(before), new String(Files.readAllBytes(sample)), "the sample is as it was");
        assertEquals(modified, Files.getLastModifiedTime(sample));
        try (Stream<Path> beside = Files.list(sample.getParent())) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".bak") || n.endsWith(".recovery")).toList(), "no backup or recovery copy");
        }
        assertEquals(target, doc.file());
        assertFalse(doc.isReadOnly(), "the copy is the user's own");
        assertFalse(doc.isDirty());
        assertEquals("mine", ProjectFiles.read(target).name());
        assertTrue(Files.isRegularFile(target.resolveSibling("input_traces_hh.csv")), "the sample's data came along");
        assertEquals(target, recent.list().get(0));
    }

    @Test
    void aStalledFitIsNotCalledConvergedAndSaysWhatToTry(FxRobot robot) throws Exception {
        Path file = projectWithRelativeData();
        Project p = ProjectFiles.read(file);
        FitResult stalled = new FitResult("hh", "lbfgsb", 1, "test", 12.5,
                Map.of("gL", 0.01, "gNa", 40.0, "gK", 6.0, "Vth", -56.0), new double[] {1, 2, 3, 4, 5},
                List.of(), 40, 0, 1, 2.0, new double[] {12.5}, StopReason.STALLED, Map.of());
        ProjectFiles.write(p.withResults(List.of(SavedFit.of(stalled, p.fit(), Instant.now(), null, null, null))), file);
        open(robot, file);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#fit-result-summary").queryAs(Label.class).getText().isEmpty());
        String summary = robot.lookup("#fit-result-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("stalled after 1 iteration") && summary.contains("not converged"), summary);
        assertFalse(summary.contains("converged (") || summary.contains("(("), summary);
        assertTrue(summary.contains("gNa at its upper bound 40") && summary.contains("Next:"), summary);
        assertNull(view.model().session().missingFileProperty().get());
    }
}
