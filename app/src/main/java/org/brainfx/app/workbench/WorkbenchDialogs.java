package org.brainfx.app.workbench;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.engine.project.ProjectFiles;

/**
 * The questions the workbench window asks (which file, save or discard, copy the data or not)
 * and its alerts. Tests replace the file choosers and questions, which are native or modal
 * windows a headless robot cannot answer.
 */
class WorkbenchDialogs {

    /** What to do with unsaved changes before the project is replaced or closed. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    private final ResourceBundle messages;
    private final Window owner;

    WorkbenchDialogs(ResourceBundle messages, Window owner) {
        this.messages = messages;
        this.owner = owner;
    }

    /** The project file to open, if the user chose one. */
    Optional<Path> projectToOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("open.filter"), "*" + ProjectFiles.SUFFIX));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Where to save the project now in {@code current} (it ends in {@code .brainfx.json}), if the user chose. */
    Optional<Path> saveAsTarget(Path current, boolean sample) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text(sample ? "saveAs.sample.title" : "saveAs.title"));
        Path start = sample ? Path.of(System.getProperty("user.home")) : current.getParent();
        if (start.toFile().isDirectory()) {
            chooser.setInitialDirectory(start.toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("open.filter"), "*" + ProjectFiles.SUFFIX));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        String name = file.getName().endsWith(ProjectFiles.SUFFIX) ? file.getName() : file.getName() + ProjectFiles.SUFFIX;
        return Optional.of(file.toPath().resolveSibling(name));
    }

    /**
     * Asked when Save As moves a project that refers to files by relative path to another folder:
     * refer to them from there, or copy them beside the project (preselected for a sample). Empty: cancel.
     */
    Optional<ProjectDocument.DataFiles> dataFiles(Path target, boolean sample) {
        ButtonType copy = new ButtonType(text("saveAs.data.copy"), ButtonBar.ButtonData.YES);
        ButtonType refer = new ButtonType(text("saveAs.data.refer"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", copy, refer, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(text("saveAs.title"));
        alert.setHeaderText(MessageFormat.format(text("saveAs.data.header"), target.getParent()));
        alert.setContentText(text(sample ? "saveAs.data.body.sample" : "saveAs.data.body"));
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(sample ? copy : refer)).setDefaultButton(true);
        ButtonType choice = alert.showAndWait().orElse(ButtonType.CANCEL);
        return choice == copy ? Optional.of(ProjectDocument.DataFiles.COPY)
                : choice == refer ? Optional.of(ProjectDocument.DataFiles.REFER) : Optional.empty();
    }

    /** The file a missing reference should point at, if the user found it. */
    Optional<Path> locate(String field, Path tried) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(MessageFormat.format(text("locate.title"), tried.getFileName()));
        Path dir = tried.getParent();
        while (dir != null && !dir.toFile().isDirectory()) {
            dir = dir.getParent();
        }
        if (dir != null) {
            chooser.setInitialDirectory(dir.toFile());
        }
        chooser.setInitialFileName(tried.getFileName().toString());
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Whether to save the changes to {@code name} before it is replaced or closed. */
    Unsaved unsaved(String name) {
        ButtonType saveButton = new ButtonType(text("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(text("unsaved.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(text("unsaved.title"));
        alert.setHeaderText(MessageFormat.format(text("unsaved.header"), name));
        alert.setContentText(text("unsaved.body"));
        ButtonType choice = alert.showAndWait().orElse(ButtonType.CANCEL);
        return choice == saveButton ? Unsaved.SAVE : choice == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /** Whether to restore the unsaved edits found for {@code file}. */
    boolean restore(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "",
                new ButtonType(text("recovery.restore"), ButtonBar.ButtonData.YES),
                new ButtonType(text("recovery.discard"), ButtonBar.ButtonData.NO));
        alert.initOwner(owner);
        alert.setTitle(text("recovery.title"));
        alert.setHeaderText(MessageFormat.format(text("recovery.header"), file.getFileName()));
        alert.setContentText(text("recovery.body"));
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.YES).orElse(false);
    }

    /** Shows a failure (not waiting for it to be closed). */
    void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(text("error.title"));
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.show();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
