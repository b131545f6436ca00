package org.brainfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A hidden tab's updates wait for the tab to be selected, and run once however often they were asked for. */
@ExtendWith(ApplicationExtension.class)
class SelectedTabUpdatesTest {

    private final Tab first = new Tab("first");
    private final Tab second = new Tab("second");
    private final TabPane tabs = new TabPane(first, second);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void updatesOfAHiddenTabWaitForItToBeSelected(FxRobot robot) {
        List<String> ran = new ArrayList<>();
        robot.interact(() -> {
            SelectedTabUpdates updates = new SelectedTabUpdates(second);
            Runnable refill = updates.whenSelected(() -> ran.add("refill"));
            Runnable relabel = updates.whenSelected(() -> ran.add("relabel"));
            refill.run();
            relabel.run();
            refill.run();
            assertEquals(List.of(), ran, "nothing runs while the tab is hidden");
            tabs.getSelectionModel().select(second);
            assertEquals(List.of("refill", "relabel"), ran, "each waiting update once, in order, on selection");
            refill.run();
            assertEquals(List.of("refill", "relabel", "refill"), ran, "at once while selected");
            tabs.getSelectionModel().select(first);
            tabs.getSelectionModel().select(second);
            assertEquals(3, ran.size(), "selecting again runs nothing that was not asked for");
        });
    }
}
