package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.model.library.ModelLibrary;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Type an error into the equation editor, see it at its line, jump to it, fix it; reject a bad parameter value. */
@ExtendWith(ApplicationExtension.class)
class ModelViewFlowTest {

    private static final String HH = ModelLibrary.text("hh");
    private ProjectDocument document;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        document = ProjectDocument.open(Path.of("..", "sample-projects", "hh-synthetic"));
        ProjectSession session = new ProjectSession(document, BackgroundTasks.executor(), UiExecutor.fx());
        ModelView view = new ModelView(new ModelViewModel(session, messages, UiExecutor.fx(), BackgroundTasks.executor()), messages);
        Scene scene = new Scene(view.root(), 1100, 760);
        scene.getStylesheets().add(ModelViewFlowTest.class.getResource("/org/brainfx/ui/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anEquationErrorIsShownAtItsLineUntilFixed(FxRobot robot) throws Exception {
        CodeArea area = robot.lookup(".modelview-code").match(n -> n instanceof CodeArea && ((CodeArea) n).isEditable())
                .queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> area.getText().equals(HH));
        Label status = robot.lookup("#modelview-check-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("No problems"));

        // "param gK = 5.81… uS": put an x before the number (line 12, column 12).
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(11, 11));
        robot.write("x");
        // The problems get their pane under the editor once there are any.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#modelview-diagnostics").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<ModelDiagnostic> problems = robot.lookup("#modelview-diagnostics").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String shown = problems.getItems().get(0).display();
        assertTrue(shown.startsWith("line 12, col 12: expected a number"), shown);
        assertTrue(problems.isVisible());
        assertTrue(status.getText().startsWith("The model has a problem"), status.getText());
        assertTrue(robot.lookup("#modelview-apply").queryAs(Button.class).isDisabled(), "invalid text cannot be applied");
        List<Node> marks = robot.lookup(".modelview-gutter-mark").match(Node::isVisible).queryAll().stream().toList();
        assertEquals(1, marks.size(), "one gutter mark, on the error's line");

        robot.interact(() -> area.moveTo(0));
        robot.clickOn(".modelview-diagnostics .list-cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, area.getCurrentParagraph(), "clicking the message goes to its line");
        assertEquals(11, area.getCaretColumn());

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problems.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HH, area.getText());
        assertTrue(robot.lookup("#modelview-diagnostics").tryQuery().isEmpty(), "no problems, no pane for them");
        assertTrue(status.getText().startsWith("No problems"), status.getText());
        assertTrue(robot.lookup(".modelview-gutter-mark").match(Node::isVisible).queryAll().isEmpty());
    }

    @Test
    void everyBrokenLineIsListedAndMarked(FxRobot robot) throws Exception {
        CodeArea area = robot.lookup(".modelview-code").match(n -> n instanceof CodeArea && ((CodeArea) n).isEditable())
                .queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> area.getText().equals(HH));
        String broken = HH.replace("param gNa = 24.697737655778038 uS", "param gNa = uS")
                .replace("param Vth = -55.31094455202257 mV", "param Vth = mV");
        robot.interact(() -> area.replaceText(broken));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#modelview-diagnostics").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<ModelDiagnostic> problems = robot.lookup("#modelview-diagnostics").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problems.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(11, 13), problems.getItems().stream().map(ModelDiagnostic::line).toList());
        Label status = robot.lookup("#modelview-check-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("The model has 2 problems"), status.getText());
        assertEquals(2, robot.lookup(".modelview-gutter-mark").match(Node::isVisible).queryAll().size(),
                "a gutter mark on each broken line");

        robot.clickOn(robot.lookup(".modelview-diagnostics .list-cell").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, area.getCurrentParagraph(), "the second message goes to its own line");
    }

    @Test
    void aLibraryModelIsUsedAfterConfirmingWhatItDropsAndUndoBringsBackTheOld(FxRobot robot) throws Exception {
        CodeArea area = robot.lookup(".modelview-code").match(n -> n instanceof CodeArea && ((CodeArea) n).isEditable())
                .queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> area.getText().equals(HH));
        robot.clickOn("#modelview-library-tab");
        @SuppressWarnings("unchecked")
        ListView<LibraryModel> library = robot.lookup("#modelview-library").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> library.getItems().size() == 5);
        assertEquals("hh", library.getSelectionModel().getSelectedItem().name(), "the library opens on the model in use");
        assertTrue(robot.lookup("#modelview-use").queryAs(Button.class).isDisabled());

        robot.clickOn(robot.lookup("#modelview-library .list-cell").nth(0).queryAs(Node.class));
        CodeArea preview = robot.lookup("#modelview-library-text").queryAs(CodeArea.class);
        assertEquals(ModelLibrary.text("lif"), preview.getText());
        assertFalse(preview.isEditable());
        robot.clickOn("#modelview-use");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane .content").queryAs(Label.class).getText();
        assertTrue(question.contains("free parameter gNa"), question);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((Button) n).isDefaultButton()).queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> area.getText().equals(ModelLibrary.text("lif")));
        assertEquals("lif", document.project().model().builtin());
        assertTrue(robot.lookup("#modelview-notice").queryAs(Label.class).getText().contains("lif"));

        robot.interact(document::undo);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> area.getText().equals(HH));
        assertEquals("hh", document.project().model().builtin());
    }

    @Test
    void aValueThatIsNotANumberIsRejectedOnItsRow(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ModelParameterRow> table = robot.lookup("#modelview-parameters").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        robot.interact(() -> table.edit(1, table.getColumns().get(1)));
        TextField field = robot.lookup("#modelview-parameters .text-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("fast"));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\u2018fast\u2019 is not a number; gNa is unchanged.", table.getItems().get(1).problem());
        assertTrue(robot.lookup(".modelview-param-problem").match(n -> n instanceof Label || n instanceof javafx.scene.control.TableCell<?, ?>)
                .queryAll().stream().anyMatch(n -> ((javafx.scene.control.Labeled) n).getText() != null
                        && ((javafx.scene.control.Labeled) n).getText().contains("fast")), "the problem is shown on the row");
        assertEquals(15.0, document.project().parameters().get("gNa"));

        robot.interact(() -> table.edit(1, table.getColumns().get(1)));
        TextField again = robot.lookup("#modelview-parameters .text-field").queryAs(TextField.class);
        robot.interact(() -> again.setText("22"));
        robot.clickOn(again).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(22.0, document.project().parameters().get("gNa"));
        assertEquals("", table.getItems().get(1).problem());
    }
}
