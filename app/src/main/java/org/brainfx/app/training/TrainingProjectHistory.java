package org.brainfx.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.brainfx.app.project.UndoHistory;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;

/**
 * The edits made to a training project from its dashboard (settings saved, trained weights applied),
 * each written to the file at once — applied weights are files beside the project, so the project
 * naming them is saved with them — and each undoable and redoable by writing the project as it was.
 * Touch on the FX thread.
 */
public final class TrainingProjectHistory {
    private final Path file;
    private final ReadOnlyObjectWrapper<TrainingProject> project;
    private final UndoHistory<TrainingProject> history = new UndoHistory<>();

    /** The history of the project in {@code file}, as read. */
    public TrainingProjectHistory(Path file, TrainingProject read) {
        this.file = file;
        this.project = new ReadOnlyObjectWrapper<>(this, "project", read);
    }

    /** The project as it is now. */
    public ReadOnlyObjectProperty<TrainingProject> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /**
     * Writes {@code changed} to the file as the edit {@code what}; nothing changes when the write fails.
     *
     * @throws IllegalStateException naming the file and why, when it cannot be written
     */
    public void apply(String what, TrainingProject changed) {
        TrainingProject before = project.get();
        write(changed);
        history.push(what, before, changed);
    }

    /** Writes the project as it was before the last edit (the history moves only once it is written). */
    public void undo() {
        TrainingProject previous = history.peekUndo();
        if (previous != null) {
            write(previous);
            history.undo();
        }
    }

    /** Writes the last undone edit again. */
    public void redo() {
        TrainingProject next = history.peekRedo();
        if (next != null) {
            write(next);
            history.redo();
        }
    }

    /** True while there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    /** True while there is an edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** What Undo would undo, or "". */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return history.undoDescriptionProperty();
    }

    /** What Redo would redo, or "". */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return history.redoDescriptionProperty();
    }

    private void write(TrainingProject p) {
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalStateException(file + " is read-only; copy the project's folder somewhere writable and open it there");
        }
        try {
            TrainingProjectFiles.write(p, file);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": cannot write the project (" + e.getMessage() + ")", e);
        }
        project.set(p);
    }
}
