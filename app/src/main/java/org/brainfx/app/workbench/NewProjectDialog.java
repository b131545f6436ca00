package org.brainfx.app.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.brainfx.app.project.NewProjects;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;

/**
 * File → New: asks for a name, a built-in model, optionally a recording to fit, and where to save;
 * the result is the project file to create and the project to write there.
 */
final class NewProjectDialog extends Dialog<NewProjectDialog.Choice> {

    /** What the user chose: the project and its file. */
    record Choice(Project project, Path file) { }

    private final TextField name = new TextField();
    private final ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList(ModelLibrary.names()));
    private final TextField recording = new TextField();
    private final TextField file = new TextField();
    private final Label problem = new Label();

    NewProjectDialog(ResourceBundle messages, Window owner, Path folder) {
        initOwner(owner);
        setTitle(messages.getString("new.title"));
        setHeaderText(messages.getString("new.header"));
        name.setId("new-name");
        name.setPromptText(messages.getString("new.name.prompt"));
        model.setId("new-model");
        model.setValue(ModelLibrary.names().contains("adex") ? "adex" : ModelLibrary.names().get(0));
        recording.setId("new-recording");
        recording.setPromptText(messages.getString("new.recording.prompt"));
        file.setId("new-file");
        file.setPromptText(messages.getString("new.file.prompt"));
        name.textProperty().addListener((obs, old, now) -> {
            if (file.getText().isBlank() || file.getText().endsWith(fileNameFor(old))) {
                file.setText(folder.resolve(fileNameFor(now)).toString());
            }
        });
        Button browseRecording = new Button(messages.getString("new.browse"));
        browseRecording.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(messages.getString("new.recording"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.getString("new.recording.filter"),
                    "*.abf", "*.nwb", "*.csv"));
            File f = c.showOpenDialog(owner);
            if (f != null) {
                recording.setText(f.getAbsolutePath());
            }
        });
        Button browseFile = new Button(messages.getString("new.browse"));
        browseFile.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(messages.getString("new.file"));
            c.setInitialDirectory(folder.toFile());
            c.setInitialFileName(fileNameFor(name.getText()));
            File f = c.showSaveDialog(owner);
            if (f != null) {
                file.setText(f.getAbsolutePath());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(messages.getString("new.name")), name);
        grid.addRow(1, new Label(messages.getString("new.model")), model);
        grid.addRow(2, new Label(messages.getString("new.recording")), recording, browseRecording);
        grid.addRow(3, new Label(messages.getString("new.file")), file, browseFile);
        name.setPrefColumnCount(28);
        problem.setId("new-problem");
        problem.getStyleClass().add("log-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        grid.add(problem, 0, 4, 3, 1);
        getDialogPane().setContent(grid);
        ButtonType create = new ButtonType(messages.getString("new.create"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Node createButton = getDialogPane().lookupButton(create);
        createButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> name.getText().isBlank() || file.getText().isBlank(), name.textProperty(), file.textProperty()));
        // Check before the dialog closes, so a bad entry keeps what was typed and says what to fix.
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                problem.setText("");
                choice();
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == create ? choice() : null);
    }

    private Choice choice() {
        String target = file.getText().trim();
        Path f = Path.of(target.endsWith(ProjectFiles.SUFFIX) ? target : target + ProjectFiles.SUFFIX);
        Path data = recording.getText().isBlank() ? null : Path.of(recording.getText().trim());
        if (data != null && !data.toFile().isFile()) {
            throw new IllegalArgumentException(data + ": no such recording file; choose an .abf, .nwb or .csv file");
        }
        if (f.toFile().exists()) {
            throw new IllegalArgumentException(f + " already exists; choose another name or open it instead");
        }
        return new Choice(NewProjects.create(name.getText(), model.getValue(), data, f), f);
    }

    private static String fileNameFor(String projectName) {
        String base = projectName == null ? "" : projectName.trim().replaceAll("[^A-Za-z0-9._-]+", "-");
        return (base.isEmpty() ? "untitled" : base) + ProjectFiles.SUFFIX;
    }
}
