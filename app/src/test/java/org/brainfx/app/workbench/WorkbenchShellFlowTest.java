package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.SampleCopies;
import org.brainfx.app.welcome.RecentProjects;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window around the views: an edit marks the title, undo and redo from the tool bar, save, reopen, properties. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchShellFlowTest {

    @TempDir
    Path dir;

    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/shell-" + UUID.randomUUID());
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

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> view.openProject(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().resolved() != null
                && view.model().session().document().file().equals(file.toAbsolutePath().normalize()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void editUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        Path file = SampleCopies.copy("hh-synthetic", dir);
        open(robot, file);
        assertEquals("hh-synthetic \u2014 copy.brainfx.json \u2014 BrainFX", view.titleProperty().get());
        assertTrue(robot.lookup("#tool-undo").queryAs(Button.class).isDisabled());

        var doc = view.model().session().document();
        robot.interact(() -> doc.edit("Rename", p -> ProjectEdits.withNameAndDescription(p, "edited", p.description())));
        assertTrue(view.titleProperty().get().startsWith("*edited"), view.titleProperty().get());

        robot.clickOn("#tool-undo");
        assertEquals("hh-synthetic", doc.project().name());
        assertFalse(doc.isDirty());
        robot.clickOn("#tool-redo");
        assertEquals("edited", doc.project().name());

        robot.clickOn("#tool-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc.isDirty());
        assertTrue(view.titleProperty().get().startsWith("edited"), view.titleProperty().get());

        open(robot, SampleCopies.copy("gif-synthetic", dir.resolve("other")));
        open(robot, file);
        assertEquals("edited", view.model().session().document().project().name(), "the saved edit is read back");
    }

    @Test
    void explorerSelectionFillsThePropertySheetAndEditsAreUndoable(FxRobot robot) throws Exception {
        Path file = SampleCopies.copy("hh-synthetic", dir);
        open(robot, file);
        @SuppressWarnings("unchecked")
        TreeView<ExplorerItem> explorer = robot.lookup("#project-explorer").queryAs(TreeView.class);
        String stimulus = explorer.getRoot().getChildren().get(1).getChildren().get(0).getValue().label();
        TreeCell<?> cell = robot.lookup("#project-explorer .tree-cell")
                .match((TreeCell<?> c) -> stimulus.equals(c.getText())).queryAs(TreeCell.class);
        assertEquals(stimulus, cell.getTooltip().getText(), "a name cut off by the narrow pane shows whole in its tooltip");
        robot.interact(() -> explorer.getSelectionModel().select(explorer.getRoot().getChildren().get(3).getChildren().get(0)));
        PropertySheet sheet = robot.lookup("#property-sheet").queryAs(PropertySheet.class);
        PropertySheet.Item starts = sheet.getItems().stream().filter(i -> i.getName().equals("Starts")).findFirst().orElseThrow();
        assertEquals(20, starts.getValue());
        robot.interact(() -> starts.setValue(7));
        var doc = view.model().session().document();
        assertEquals(7, doc.project().fit().starts());
        PropertySheet.Item optimizer = sheet.getItems().stream().filter(i -> i.getName().equals("Optimizer")).findFirst().orElseThrow();
        robot.interact(() -> optimizer.setValue("newton"));
        assertEquals("lbfgsb", doc.project().fit().optimizer(), "a refused value leaves the project as it was");
        assertTrue(view.model().log().get(view.model().log().size() - 1).text().contains("unknown optimizer 'newton'"));
        robot.clickOn("#tool-undo");
        assertEquals(20, doc.project().fit().starts());

        TreeItem<ExplorerItem> root = explorer.getRoot();
        TreeItem<ExplorerItem> models = root.getChildren().get(2);
        robot.interact(() -> models.setExpanded(false));
        robot.interact(() -> optimizer.setValue("adam"));
        assertEquals("adam", doc.project().fit().optimizer());
        assertSame(root, explorer.getRoot(), "an edit changes the tree in place");
        assertFalse(models.isExpanded(), "a group the user folded stays folded");
        assertTrue(root.getChildren().get(3).getChildren().get(0).getValue().label().contains("adam"),
                root.getChildren().get(3).getChildren().get(0).getValue().label());
    }

    @Test
    void newProjectFromTheWelcomePageIsWrittenAndOpened(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-new");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#new-name").tryQuery().isPresent());
        Path target = dir.resolve("explore.brainfx.json");
        robot.clickOn("#new-name").write("explore");
        robot.interact(() -> {
            robot.lookup("#new-model").queryComboBox().getSelectionModel().select("hh");
            robot.lookup("#new-file").queryAs(javafx.scene.control.TextField.class).setText(target.toString());
        });
        robot.clickOn("Create");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().resolved() != null);
        assertTrue(java.nio.file.Files.exists(target));
        assertEquals("explore", view.model().session().document().project().name());
        assertEquals("hh", view.model().resolved().project().model().builtin());
    }

    @Test
    void aFitStartedFromTheToolBarAppearsInTheJobPanelWithPauseAndStop(FxRobot robot) throws Exception {
        Path file = SampleCopies.copy("hh-synthetic", dir);
        // Random search runs its whole budget, so the job stays alive long enough to pause.
        var saved = org.brainfx.engine.project.ProjectFiles.read(file);
        org.brainfx.engine.project.ProjectFiles.write(ProjectEdits.withFit(saved,
                ProjectEdits.withRun(saved.fit(), "random", 4, 100_000, null, 1L)), file);
        open(robot, file);
        javafx.scene.control.ProgressBar warm = robot.lookup("#jobs-warm-up .progress-bar")
                .queryAs(javafx.scene.control.ProgressBar.class);
        assertTrue(warm.getSkin() != null && !warm.getParent().isVisible(), "a hidden row's controls got their skins early");
        robot.clickOn("#tool-fit-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().jobs().size() == 1
                && robot.lookup("#jobs-list .job-row").queryAll().size() == 1
                && robot.lookup("#jobs-warm-up").queryAll().isEmpty());
        var job = view.model().jobs().get(0);
        assertTrue(job.title().startsWith("Fit "), job.title());
        robot.clickOn("#tab-jobs .tab-label");
        robot.clickOn(".job-pause");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> job.paused().get());
        assertTrue(job.message().get().startsWith("Paused"), job.message().get());
        robot.clickOn(".job-pause");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !job.paused().get());
        robot.clickOn(".job-stop");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !job.active().get());
        assertTrue(job.message().get().startsWith("Stopped"), job.message().get());
    }

    @Test
    void thePlaygroundOpensWithoutAProject(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-playground");
        javafx.scene.control.TabPane tabs = robot.lookup("#view-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals("tab-playground", tabs.getSelectionModel().getSelectedItem().getId());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#playground").tryQuery().isPresent());
        open(robot, SampleCopies.copy("hh-synthetic", dir));
        assertEquals(1, tabs.getTabs().stream().filter(t -> "tab-playground".equals(t.getId())).count(),
                "the project's playground replaces the one without a project");
    }
}
