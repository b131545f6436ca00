package org.brainfx.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;

/**
 * The edits made to a training project from its dashboard (settings saved, trained weights applied),
 * each written to the file at once — applied weights are files beside the project, so the project
 * naming them is saved with them — and each undoable and redoable by writing the project as it was.
 * Touch on the FX thread.
 */
public final class TrainingProjectHistory {
    private record Edit(String what, TrainingProject before, TrainingProject after) {
    }

    private final Path file;
    private final ReadOnlyObjectWrapper<TrainingProject> project;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoWhat = new ReadOnlyStringWrapper(this, "undoWhat", "");
    private final ReadOnlyStringWrapper redoWhat = new ReadOnlyStringWrapper(this, "redoWhat", "");

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
        undo.push(new Edit(what, before, changed));
        redo.clear();
        refresh();
    }

    /** Writes the project as it was before the last edit. */
    public void undo() {
        Edit e = undo.peek();
        if (e != null) {
            write(e.before());
            redo.push(undo.pop());
            refresh();
        }
    }

    /** Writes the last undone edit again. */
    public void redo() {
        Edit e = redo.peek();
        if (e != null) {
            write(e.after());
            undo.push(redo.pop());
            refresh();
        }
    }

    /** True while there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True while there is an edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What Undo would undo, or "". */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoWhat.getReadOnlyProperty();
    }

    /** What Redo would redo, or "". */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoWhat.getReadOnlyProperty();
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

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoWhat.set(undo.isEmpty() ? "" : undo.peek().what());
        redoWhat.set(redo.isEmpty() ? "" : redo.peek().what());
    }
}
