package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PlasticitySpec;
import org.brainfx.engine.net.PositionSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor on its own: a refused value stays on its row with the reason; a problem the check finds
 * shows on its node; delete, zoom, pan and auto-layout.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkEditorViewTest {

    @TempDir
    static Path dir;
    private NetworkDocument document;
    private NetworkEditorView editor;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("view-" + System.nanoTime() + ".brainfx.json");
        NetworkSpec spec = NetworkEdits.connect(NetworkEdits.addPopulation(NetworkEdits.addPoissonInput(
                new NetworkSpec("v", null, null, 200.0, null, null, null, null, null, null), "in"), "E"), "in", "E");
        NetworkProjectFiles.write(new NetworkProject(1, "v", null, spec), file);
        document = NetworkDocument.open(file);
        editor = new NetworkEditorView(document, ResourceBundle.getBundle("org.brainfx.ui.messages"),
                BackgroundTasks.computeExecutor(), UiExecutor.fx());
        Scene scene = new Scene(editor.root(), 1100, 700);
        scene.getStylesheets().add(getClass().getResource("/org/brainfx/ui/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void waitForCheck() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> editor.checkCurrent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String row, String value) {
        TextField field = robot.lookup("#net-prop-" + row).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(value));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anInvalidValueIsRefusedOnItsRowWithTheReason(FxRobot robot) throws Exception {
        waitForCheck();
        robot.clickOn("#network-node-E");
        NetworkSpec before = document.spec();
        type(robot, "size", "0");
        Label error = robot.lookup("#net-prop-size-error").queryAs(Label.class);
        assertTrue(error.isVisible(), "the refusal shows on the row");
        assertTrue(error.getText().contains("size must be at least 1"), error.getText());
        assertTrue(robot.lookup("#net-prop-size").queryAs(TextField.class).getStyleClass().contains("network-row-refused"));
        assertEquals(before, document.spec(), "nothing changed");
        assertFalse(document.canUndoProperty().get(), "a refusal is no edit");

        type(robot, "parameter-tau", "uniform(20, 10)");
        Label tauError = robot.lookup("#net-prop-parameter-tau-error").queryAs(Label.class);
        assertTrue(tauError.getText().contains("swap"), tauError.getText());
        type(robot, "parameter-tau", "uniform(10, 20)");
        assertEquals(ValueText.parse("uniform(10, 20)"), document.spec().population("E").parameters().get("tau"));
        robot.interact(document::undo);
        assertFalse(document.canUndoProperty().get(), "the refusals were no edits, the accepted value one");
        assertEquals(before, document.spec());
        robot.interact(document::redo);
        WaitForAsyncUtils.waitForFxEvents();

        type(robot, "size", "25");
        assertEquals(25, document.spec().population("E").size());
        assertFalse(robot.lookup("#net-prop-size-error").queryAs(Label.class).isVisible(), "an accepted value clears the row");

        // Typing in a row survives an edit elsewhere (here: the seed, as another view might change it).
        TextField size = robot.lookup("#net-prop-size").queryAs(TextField.class);
        robot.clickOn(size);
        robot.interact(() -> size.setText("77"));
        robot.interact(() -> document.editSpec("seed", s -> NetworkEdits.timing(s, s.dt(), s.duration(), 9)));
        assertEquals("77", size.getText(), "what is being typed is kept");
        robot.type(KeyCode.ENTER);
        assertEquals(77, document.spec().population("E").size());
        robot.interact(document::undo);
        assertEquals("25", robot.lookup("#net-prop-size").queryAs(TextField.class).getText(), "undo shows in the focused row");

        robot.clickOn("#network-arrow-label-0");
        type(robot, "p", "1.5");
        assertTrue(robot.lookup("#net-prop-p-error").queryAs(Label.class).getText().contains("probability"));
        type(robot, "plasticity", "tsodyks_markram(2, 50, 200)");
        assertTrue(robot.lookup("#net-prop-plasticity-error").queryAs(Label.class).getText().contains("(0, 1]"));
        type(robot, "plasticity", "tsodyks_markram(0.2, 50, 200)");
        assertEquals(PlasticitySpec.tsodyksMarkram(0.2, 50, 200), document.spec().projections().get(0).plasticity());
    }

    /** A gaussian projection needs positions: the check says so on the node until the sheet gets them. */
    @Test
    void positionsAreEditedOnTheSheetForGaussianConnectivity(FxRobot robot) throws Exception {
        robot.interact(() -> document.editSpec("E to E", s -> {
            NetworkSpec wired = NetworkEdits.connect(s, "E", "E");
            int last = wired.projections().size() - 1;
            return NetworkEdits.projection(wired, last, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(),
                    p.synapseParameters(), p.output(), p.reversal(), p.receptor(), p.target(),
                    ConnectivitySpec.gaussian(100, 0.5), p.weights(), p.delays(), p.sign(), p.trainable(), p.plasticity()));
        }));
        waitForCheck();
        String verdict = robot.lookup("#network-check").queryAs(Label.class).getText();
        assertTrue(verdict.contains("1 problem"), "no positions yet: " + verdict);
        robot.clickOn("#network-node-E");
        type(robot, "positions", "hexagonal 10 x 10");
        assertTrue(robot.lookup("#net-prop-positions-error").queryAs(Label.class).getText().contains("unknown layout"));
        type(robot, "positions", "grid 1000 x 500 periodic");
        assertEquals(new PositionSpec("grid", 1000, 500, true), document.spec().population("E").positions());
        assertEquals("grid 1000 x 500 periodic", robot.lookup("#net-prop-positions").queryAs(TextField.class).getText());
        waitForCheck();
        String after = robot.lookup("#network-check").queryAs(Label.class).getText();
        assertTrue(after.contains("The network builds"), "positions given: " + after);
        robot.interact(document::undo);
        assertEquals(null, document.spec().population("E").positions(), "one undoable edit");
    }

    @Test
    void aProblemTheCheckFindsIsDrawnOnItsNode(FxRobot robot) throws Exception {
        waitForCheck();
        VBox box = editor.canvas().nodeView("E");
        assertFalse(box.getStyleClass().contains("network-problem"));
        robot.clickOn("#network-node-E");
        type(robot, "model", "missing.model");
        assertEquals("missing.model", document.spec().population("E").model().file(), "a file name is taken as typed");
        waitForCheck();
        VBox shown = editor.canvas().nodeView("E");
        assertTrue(shown.getStyleClass().contains("network-problem"), "red outline on the node");
        Object tip = shown.getProperties().values().stream().filter(v -> v instanceof Tooltip).findFirst()
                .orElseThrow(() -> new AssertionError("no tooltip on the node"));
        String message = ((Tooltip) tip).getText();
        assertTrue(message.contains("missing.model") && message.contains("does not exist"), message);
        String verdict = robot.lookup("#network-check").queryAs(Label.class).getText();
        assertTrue(verdict.contains("1 problem"), verdict);

        robot.clickOn("#network-node-in");
        type(robot, "size", "0");
        assertTrue(robot.lookup("#net-prop-size-error").queryAs(Label.class).isVisible(), "zero size is refused on the row");

        robot.interact(document::undo);
        waitForCheck();
        assertFalse(editor.canvas().nodeView("E").getStyleClass().contains("network-problem"), "fixed by Undo");
        assertTrue(robot.lookup("#network-check").queryAs(Label.class).getText().contains("builds"));

        // An impossible rule: one-to-one between 100 inputs and 25 neurons, drawn on the arrow.
        robot.clickOn("#network-arrow-label-0");
        javafx.scene.control.ComboBox<?> rule = robot.lookup("#net-prop-rule").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> r = (javafx.scene.control.ComboBox<String>) rule;
            r.setValue("one_to_one");
        });
        robot.clickOn("#network-node-E");
        type(robot, "size", "25");
        waitForCheck();
        assertTrue(editor.canvas().arrowView(0).getStyleClass().contains("network-problem"), "red on the arrow");
        assertFalse(editor.canvas().nodeView("E").getStyleClass().contains("network-problem"), "not on the node");
        assertTrue(editor.checkedProperty().get().projections().get(0).contains("in->E"),
                editor.checkedProperty().get().toString());
    }

    @Test
    void deleteZoomPanAndAutoLayoutAreEachOneGesture(FxRobot robot) throws Exception {
        waitForCheck();
        NetworkSpec before = document.spec();
        robot.clickOn("#network-arrow-label-0");
        robot.type(KeyCode.DELETE);
        assertTrue(document.spec().projections().isEmpty(), "Delete removes the selected projection");
        robot.interact(document::undo);
        assertEquals(before, document.spec());

        robot.clickOn("#network-node-in");
        robot.clickOn("#network-delete");
        assertEquals(null, document.spec().source("in"), "the toolbar's Delete removes the input");
        assertTrue(document.spec().projections().isEmpty(), "with its projections");
        assertEquals(null, document.layout().of("in"));
        robot.interact(document::undo);
        assertEquals(before, document.spec());

        double zoom = editor.canvas().zoomFactor();
        robot.moveTo("#network-node-E").scroll(3, javafx.geometry.VerticalDirection.UP);
        assertTrue(editor.canvas().zoomFactor() != zoom, "scrolling zooms");
        javafx.geometry.Bounds shownBefore = editor.canvas().nodeView("E").localToScene(
                editor.canvas().nodeView("E").getLayoutBounds());
        javafx.geometry.Point2D corner = editor.canvas().root().localToScreen(20, 20);
        robot.drag(corner.getX(), corner.getY(), javafx.scene.input.MouseButton.PRIMARY).dropBy(80, 50);
        javafx.geometry.Bounds shownAfter = editor.canvas().nodeView("E").localToScene(
                editor.canvas().nodeView("E").getLayoutBounds());
        assertEquals(80, shownAfter.getMinX() - shownBefore.getMinX(), 2, "dragging the background pans");
        assertEquals(before, document.spec(), "zoom and pan are no edits");
        assertFalse(document.canUndoProperty().get());

        robot.interact(() -> document.editLayout("scatter", l -> l.with("E", new NodePosition(900, 900))));
        robot.clickOn("#network-layout");
        assertEquals(AutoLayout.of(document.spec()), document.layout(), "auto-layout places every node afresh");
        assertEquals(ResourceBundle.getBundle("org.brainfx.ui.messages").getString("network.edit.layout"),
                document.undoDescriptionProperty().get(), "one undoable edit");
    }
}
