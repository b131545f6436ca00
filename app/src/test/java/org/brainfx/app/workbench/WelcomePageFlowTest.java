package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.brainfx.app.welcome.RecentProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The welcome page lists the samples; a card's Open shows that project's dashboard; Home comes back to it. */
@ExtendWith(ApplicationExtension.class)
class WelcomePageFlowTest {

    private final Preferences node = Preferences.userRoot().node("org/brainfx/test/welcome-flow-" + UUID.randomUUID());
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = new WorkbenchView(ResourceBundle.getBundle(WorkbenchApp.MESSAGES), stage, new RecentProjects(node));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void openASampleFromItsCardAndComeHome(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sample-hh-synthetic").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(18, robot.lookup(".sample-card").queryAll().size(), "neuron, network and training samples");
        Label details = robot.lookup("#sample-hh-synthetic .sample-details").queryAs(Label.class);
        assertEquals("Model: hh \u00b7 5 sweeps", details.getText());
        assertEquals("Projects you open appear here.",
                robot.lookup("#welcome-recent .label").queryAs(Label.class).getText());

        robot.interact(() -> robot.lookup("#welcome-page").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#sample-open-hh-synthetic");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fit-dashboard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hh-synthetic", robot.lookup("#project-name").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#fit-dashboard .welcome-heading").queryAs(Label.class).getText().equals("hh-synthetic"));
        TabPane tabs = robot.lookup("#view-tabs").queryAs(TabPane.class);
        assertEquals("tab-fit", tabs.getSelectionModel().getSelectedItem().getId(), "the project's view replaced the welcome page");

        robot.clickOn("#tab-home .tab-label");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "tab-home".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        WaitForAsyncUtils.waitForFxEvents();
        Hyperlink recent = robot.lookup("#welcome-recent .recent-link").queryAs(Hyperlink.class);
        assertEquals("hh-synthetic.brainfx.json", recent.getText());

        robot.clickOn("#tab-fit .tab-label");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "tab-fit".equals(tabs.getSelectionModel().getSelectedItem().getId()));
    }
}
