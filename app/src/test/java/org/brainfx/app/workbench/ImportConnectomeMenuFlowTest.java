package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.brainfx.app.welcome.RecentProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import Connectome… opens the import window over the workbench. */
@ExtendWith(ApplicationExtension.class)
class ImportConnectomeMenuFlowTest {

    private final Preferences recent = Preferences.userRoot().node("org/brainfx/test/import-" + UUID.randomUUID());
    private Stage stage;
    private WorkbenchView view;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        view = new WorkbenchView(messages, stage, new RecentProjects(recent),
                new WorkbenchDialogs(messages, stage), Path.of("..", "sample-projects"));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        recent.removeNode();
    }

    @Test
    void fileMenuOpensTheImportWindowOverTheWorkbench(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Import Connectome\u2026");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connectome-import").tryQuery().isPresent());
        Node root = robot.lookup("#connectome-import").query();
        Window window = root.getScene().getWindow();
        assertEquals(stage, ((Stage) window).getOwner(), "the import window belongs to the workbench");
        assertEquals("Import connectome", ((Stage) window).getTitle());
        robot.interact(window::hide);
        assertFalse(robot.lookup("#connectome-import").tryQuery().isPresent());
    }

    @Test
    void anImportedConnectomeOpensAsANetworkWithTheFilesCounts(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Import Connectome\u2026");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connectome-import").tryQuery().isPresent());
        Path file = Path.of("../sample-projects/celegans-connectome/data/celegans_varshney2011_NeuronConnect.csv");
        robot.interact(() -> robot.lookup("#connectome-file").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#connectome-read");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#connectome-stat-nodes").tryQuery()
                        .map(n -> "279".equals(((Label) n).getText())).orElse(false));
        Path project = dir.resolve("worm").resolve("worm.brainfx.json");
        robot.interact(() -> robot.lookup("#connectome-project").queryAs(TextField.class).setText(project.toString()));
        robot.clickOn("#connectome-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.networkTabs() != null);
        WaitForAsyncUtils.waitForFxEvents();
        NetworkSpec opened = view.networkTabs().document().spec();
        assertEquals(279, opened.populations().stream().mapToInt(PopulationSpec::size).sum(),
                "the workbench opened the created network with the file's neurons");
        assertEquals(project.toAbsolutePath().normalize(), view.networkTabs().document().file().toAbsolutePath().normalize());
        assertFalse(robot.lookup("#connectome-import").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false),
                "the import window closed");
    }
}
