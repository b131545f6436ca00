package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.brainfx.app.network.NetworkDocument;
import org.brainfx.app.network.NetworkEdits;
import org.brainfx.app.network.NetworkTabs;
import org.brainfx.app.network.sim.SimulationView;
import org.brainfx.app.network.NodePosition;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.app.welcome.SampleCatalog;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Network projects in the workbench, by clicking: build a two-population E/I network from the
 * palette, connect by dragging, edit in the property sheet, move a node, undo an edit, save, close
 * and reopen — the spec and the layout are what was built. Unsaved changes are not lost silently.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkEditorFlowTest {

    private final Preferences recentNode = Preferences.userRoot().node("org/brainfx/test/network-flow-" + UUID.randomUUID());
    private final Deque<WorkbenchDialogs.Unsaved> unsavedAnswers = new ArrayDeque<>();
    private final List<String> askedAbout = new java.util.ArrayList<>();
    private final List<Path> restoreAsked = new java.util.ArrayList<>();
    private WorkbenchView view;
    @TempDir
    Path dir;

    /** Answers the window's questions as a user would. */
    private final class Answers extends WorkbenchDialogs {
        Answers(ResourceBundle messages, Stage stage) {
            super(messages, stage);
        }

        @Override
        Unsaved unsaved(String name) {
            askedAbout.add(name);
            return unsavedAnswers.isEmpty() ? Unsaved.CANCEL : unsavedAnswers.poll();
        }

        @Override
        boolean restore(Path file) {
            restoreAsked.add(file);
            return true;
        }

        @Override
        Optional<Path> saveAsTarget(Path current, boolean sample) {
            return Optional.empty();
        }

        @Override
        void error(String header, String message) {
            throw new AssertionError(header + ": " + message);
        }
    }

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        view = new WorkbenchView(messages, stage, new RecentProjects(recentNode), new Answers(messages, stage),
                SampleCatalog.defaultFolder());
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.themeStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws BackingStoreException {
        unsavedAnswers.add(WorkbenchDialogs.Unsaved.DISCARD);
        WaitForAsyncUtils.asyncFx(() -> view.closeRequested());
        WaitForAsyncUtils.waitForFxEvents();
        recentNode.removeNode();
    }

    private Path emptyProject(String name) {
        Path file = dir.resolve(name + ".brainfx.json");
        NetworkProjectFiles.write(new NetworkProject(NetworkProjectFiles.SCHEMA_VERSION, name, null,
                new NetworkSpec(name, null, null, 500.0, null, null, null, null, null, null)), file);
        return file;
    }

    private NetworkTabs open(FxRobot robot, Path file, NetworkTabs before) throws Exception {
        robot.interact(() -> view.openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.networkTabs() != null && view.networkTabs() != before);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#view-tabs").queryAs(TabPane.class);
        assertEquals("tab-network", tabs.getSelectionModel().getSelectedItem().getId(), "the Network tab shows");
        return view.networkTabs();
    }

    private static void edit(FxRobot robot, String row, String value) {
        TextField field = robot.lookup("#net-prop-" + row).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(value));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anEiNetworkBuiltByClickingIsSavedAndReopenedExactly(FxRobot robot) throws Exception {
        Path file = emptyProject("built");
        NetworkTabs tabs = open(robot, file, null);
        NetworkDocument doc = tabs.document();

        robot.clickOn("#network-add-population");
        robot.clickOn("#network-add-population");
        assertEquals(List.of("P1", "P2"), doc.spec().populations().stream().map(PopulationSpec::name).toList());

        robot.drag("#network-port-P1").dropTo("#network-node-P2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.spec().projections().size(), "dragging from P1's port onto P2 connects them");
        assertEquals("P1", doc.spec().projections().get(0).pre());
        assertEquals("P2", doc.spec().projections().get(0).post());

        robot.clickOn("#network-node-P2");
        edit(robot, "size", "40");
        ComboBox<?> type = robot.lookup("#net-prop-type").queryAs(ComboBox.class);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> t = (ComboBox<String>) type;
            t.setValue("inhibitory");
        });
        robot.drag("#network-port-P2").dropTo("#network-node-P1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#network-node-P2");
        edit(robot, "size", "55");
        assertEquals(55, doc.spec().population("P2").size());

        robot.clickOn("#tool-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, doc.spec().population("P2").size(), "Undo reverts the last edit only");
        assertEquals(2, doc.spec().projections().size());

        NodePosition before = doc.layout().of("P1");
        robot.drag("#network-node-P1").dropBy(-60, 40);
        WaitForAsyncUtils.waitForFxEvents();
        NodePosition moved = doc.layout().of("P1");
        assertNotEquals(before, moved, "dragging a box moves it");

        NetworkSpec expected = NetworkEdits.connect(NetworkEdits.population(NetworkEdits.connect(NetworkEdits.addPopulation(
                NetworkEdits.addPopulation(NetworkProjectFiles.read(file).network(), "P1"), "P2"), "P1", "P2"), "P2",
                p -> new PopulationSpec(p.name(), 40, "inhibitory", p.model(), p.parameters(), p.initial(), p.positions(),
                        p.voltage())), "P2", "P1");
        assertEquals(expected, doc.spec());
        assertTrue(doc.isDirty());
        assertTrue(view.titleProperty().get().startsWith("*"), view.titleProperty().get());

        robot.clickOn("#tool-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc.isDirty(), "saved");
        robot.interact(() -> view.closeProject());
        assertEquals(null, view.networkTabs(), "File > Close closes the network project");

        NetworkTabs again = open(robot, file, null);
        assertEquals(expected, again.document().spec(), "reopened exactly");
        assertEquals(moved, again.document().layout().of("P1"), "the moved node stays where it was put");
        assertEquals(doc.layout(), again.document().layout());
        assertFalse(again.document().isDirty());
        assertTrue(askedAbout.isEmpty(), "nothing unsaved was ever in the way: " + askedAbout);
    }

    @Test
    void aNetworkBuiltByClickingSimulatesInItsSimulationTab(FxRobot robot) throws Exception {
        Path file = emptyProject("simulated");
        NetworkTabs tabs = open(robot, file, null);
        NetworkDocument doc = tabs.document();
        robot.clickOn("#network-add-population");
        robot.clickOn("#network-add-population");
        robot.clickOn("#network-node-P2");
        ComboBox<?> type = robot.lookup("#net-prop-type").queryAs(ComboBox.class);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> t = (ComboBox<String>) type;
            t.setValue("inhibitory");
        });
        robot.clickOn("#network-add-input");
        String input = doc.spec().sources().get(0).name();
        robot.clickOn("#network-node-" + input);
        edit(robot, "rate", "5000");
        robot.drag("#network-port-" + input).dropTo("#network-node-P1");
        robot.drag("#network-port-P1").dropTo("#network-node-P2");
        robot.drag("#network-port-P2").dropTo("#network-node-P1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, doc.spec().projections().size());
        assertEquals("inhibitory", doc.spec().population("P2").type());

        robot.clickOn("#tab-network-simulation");
        WaitForAsyncUtils.waitForFxEvents();
        SimulationView simulation = view.simulation();
        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> simulation.model().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(simulation.model().resultProperty().get().meanRateHz("P1") > 0, "the driven population fires");
        assertTrue(simulation.rasterPixelsOf(0) > 0, "its spikes are on the raster");
        assertTrue(simulation.model().resultProperty().get().meanRateHz("P2") > 0, "the inhibitory population it drives fires");
        assertTrue(simulation.rasterPixelsOf(1) > 0, "in its own colour on the raster");
        assertTrue(view.model().jobs().stream().anyMatch(j -> j == view.simulationJob()), "the run is listed in the jobs panel");
    }

    @Test
    void unsavedChangesAreNotDroppedWithoutAsking(FxRobot robot) throws Exception {
        NetworkTabs first = open(robot, emptyProject("first"), null);
        robot.clickOn("#network-add-input");
        assertTrue(first.document().isDirty());
        Path second = emptyProject("second");
        unsavedAnswers.add(WorkbenchDialogs.Unsaved.CANCEL);
        robot.interact(() -> view.openProject(second));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("first"), askedAbout);
        assertSame(first, view.networkTabs(), "Cancel keeps the edited project open");
        robot.interact(() -> view.closeProject());
        assertSame(first, view.networkTabs(), "Close asks too");
        unsavedAnswers.add(WorkbenchDialogs.Unsaved.DISCARD);
        NetworkTabs other = open(robot, second, first);
        assertNotNull(other);
        assertEquals("second", other.document().project().name());
        assertEquals(0, NetworkProjectFiles.read(dir.resolve("first.brainfx.json")).network().sources().size(),
                "discarded, not saved");
        robot.clickOn("#network-add-population");
        robot.clickOn("#tool-undo");
        assertFalse(other.document().isDirty(), "undone back to the saved state");
    }

    @Test
    void unsavedEditsOfACrashedSessionAreOfferedBack(FxRobot robot) throws Exception {
        Path file = emptyProject("crashed");
        NetworkTabs first = open(robot, file, null);
        robot.clickOn("#network-add-population");
        robot.interact(() -> assertTrue(first.document().writeRecovery(), "what the 30 s autosave writes"));
        Path copy = NetworkDocument.recoveryFile(file);
        Path layoutCopy = org.brainfx.app.network.NetworkLayout.sidecarOf(copy);
        String project = java.nio.file.Files.readString(copy);
        String layout = java.nio.file.Files.readString(layoutCopy);
        unsavedAnswers.add(WorkbenchDialogs.Unsaved.DISCARD);
        robot.interact(() -> view.closeProject());
        assertFalse(java.nio.file.Files.exists(copy), "Discard drops the copy");
        // A session that crashed instead would have left the copy behind.
        java.nio.file.Files.writeString(copy, project);
        java.nio.file.Files.writeString(layoutCopy, layout);
        NetworkTabs again = open(robot, file, null);
        assertEquals(1, restoreAsked.size(), "the copy is offered");
        assertEquals(1, again.document().spec().populations().size(), "the edit is back");
        assertEquals(first.document().layout(), again.document().layout());
        assertTrue(again.document().isDirty(), "and still unsaved");
        robot.clickOn("#tool-save");
        assertFalse(java.nio.file.Files.exists(copy), "Save drops the copy");
    }
}
