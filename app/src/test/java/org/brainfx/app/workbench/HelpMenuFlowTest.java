package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.brainfx.app.welcome.RecentProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu opens the user guide, the keyboard shortcuts (from the menus themselves) and the samples' provenance. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuFlowTest {

    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/help-" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        WorkbenchView view = new WorkbenchView(messages, stage, new RecentProjects(recent),
                new WorkbenchDialogs(messages, stage), Path.of("..", "sample-projects"));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        recent.removeNode();
    }

    private boolean labelled(FxRobot robot, String window, String text) {
        return robot.lookup("#" + window + " .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text));
    }

    @Test
    void helpShowsTheGuideTheShortcutsAndTheSamples(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("User Guide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#help-guide").tryQuery().isPresent());
        assertTrue(labelled(robot, "help-guide", "Nothing lost."), "the README's workbench section");

        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#help-shortcuts").tryQuery().isPresent());
        assertTrue(labelled(robot, "help-shortcuts", "File \u2192 Save As"), "listed from the menus");
        assertTrue(labelled(robot, "help-shortcuts", "Fit \u2192 Start Fit"));

        robot.clickOn("Help").clickOn("About the Samples");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#help-samples").tryQuery().isPresent());
        assertTrue(labelled(robot, "help-samples", "nwb-steps"));
        assertTrue(labelled(robot, "help-samples", "pyABF"), "the ABF sample's provenance");
    }
}
