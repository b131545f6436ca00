package org.brainfx.app.workbench;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * Edit → Undo and Redo of whichever document is open (a neuron project, a network, a training
 * project's dashboard edits): whether each is possible and what it would undo or redo, followed from
 * that document, and the actions that do it.
 */
final class EditHistory {
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final StringProperty undoWhat = new SimpleStringProperty(this, "undoWhat", "");
    private final StringProperty redoWhat = new SimpleStringProperty(this, "redoWhat", "");
    private Runnable undo = () -> { };
    private Runnable redo = () -> { };

    /** Follows a document's history: its flags and descriptions, and what undoes and redoes in it. */
    void follow(ObservableBooleanValue undoable, ObservableBooleanValue redoable, ObservableStringValue undoDescription,
                ObservableStringValue redoDescription, Runnable undoAction, Runnable redoAction) {
        unbind();
        canUndo.bind(undoable);
        canRedo.bind(redoable);
        undoWhat.bind(undoDescription);
        redoWhat.bind(redoDescription);
        undo = undoAction;
        redo = redoAction;
    }

    /** No document open: nothing to undo or redo. */
    void clear() {
        unbind();
        canUndo.set(false);
        canRedo.set(false);
        undoWhat.set("");
        redoWhat.set("");
        undo = () -> { };
        redo = () -> { };
    }

    /** Undoes the last edit of the followed document. */
    void undo() {
        if (canUndo.get()) {
            undo.run();
        }
    }

    /** Redoes the last undone edit of the followed document. */
    void redo() {
        if (canRedo.get()) {
            redo.run();
        }
    }

    /** True while there is nothing to undo. */
    BooleanBinding undoMissing() {
        return canUndo.not();
    }

    /** True while there is nothing to redo. */
    BooleanBinding redoMissing() {
        return canRedo.not();
    }

    /** What Undo would undo, or "". */
    ReadOnlyStringProperty undoDescription() {
        return undoWhat;
    }

    /** What Redo would redo, or "". */
    ReadOnlyStringProperty redoDescription() {
        return redoWhat;
    }

    private void unbind() {
        canUndo.unbind();
        canRedo.unbind();
        undoWhat.unbind();
        redoWhat.unbind();
    }
}
