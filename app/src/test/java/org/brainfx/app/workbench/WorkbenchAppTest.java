package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The workbench window opens (headless, on Monocle) with its title and welcome text. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WorkbenchApp().start(stage);
    }

    @Test
    void windowHasTitleAndVisibleWelcome(FxRobot robot) {
        assertEquals("BrainFX", stage.getTitle());
        assertTrue(stage.isShowing());
        Label welcome = robot.lookup("#welcome-label").queryAs(Label.class);
        assertTrue(welcome.isVisible(), "welcome label visible");
        assertTrue(welcome.getText().contains("differentiable brain modeling"), welcome.getText());
        assertTrue(welcome.getWidth() > 0 && welcome.getHeight() > 0, "welcome label laid out");
        assertEquals("Ready", robot.lookup("#status").queryAs(Label.class).getText());
    }

    @Test
    void regionBackgroundsArePaintedDirectlyUnlessTheUserChoseOtherwise() {
        String key = "prism.disableRegionCaching";
        String before = System.getProperty(key);
        try {
            System.clearProperty(key);
            WorkbenchApp.paintRegionBackgroundsDirectly();
            assertEquals("true", System.getProperty(key));
            System.setProperty(key, "false");
            WorkbenchApp.paintRegionBackgroundsDirectly();
            assertEquals("false", System.getProperty(key), "a choice made on the command line stays");
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
