package org.brainfx.app.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The undo and redo stacks of a document whose state is an immutable value: each edit keeps the
 * value before and after it and its description, as the Edit menu shows it. The document applies
 * the value {@link #undo} or {@link #redo} returns. Touch on the FX thread.
 *
 * @param <T> the document's state
 */
public final class UndoHistory<T> {
    private record Edit<T>(String description, T before, T after) {
        Edit<T> map(UnaryOperator<T> f) {
            return new Edit<>(description, f.apply(before), f.apply(after));
        }
    }

    private final Deque<Edit<T>> undo = new ArrayDeque<>();
    private final Deque<Edit<T>> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");

    /** Records an edit from {@code before} to {@code after}; what was undone can no longer be redone. */
    public void push(String description, T before, T after) {
        undo.push(new Edit<>(description, before, after));
        redo.clear();
        refresh();
    }

    /** The state before the last edit, or null when there is none to undo (nothing changes). */
    public T peekUndo() {
        return undo.isEmpty() ? null : undo.peek().before();
    }

    /** The state after the last undone edit, or null when there is none to redo (nothing changes). */
    public T peekRedo() {
        return redo.isEmpty() ? null : redo.peek().after();
    }

    /** Moves the last edit to the redo stack; returns the state before it, or null when there was none. */
    public T undo() {
        Edit<T> e = undo.poll();
        if (e == null) {
            return null;
        }
        redo.push(e);
        refresh();
        return e.before();
    }

    /** Moves the last undone edit back; returns the state after it, or null when there was none. */
    public T redo() {
        Edit<T> e = redo.poll();
        if (e == null) {
            return null;
        }
        undo.push(e);
        refresh();
        return e.after();
    }

    /** Rewrites every remembered state (a document moved to another folder rebases its relative paths). */
    public void map(UnaryOperator<T> f) {
        List<Edit<T>> undone = undo.stream().map(e -> e.map(f)).toList();
        List<Edit<T>> redone = redo.stream().map(e -> e.map(f)).toList();
        undo.clear();
        undo.addAll(undone);
        redo.clear();
        redo.addAll(redone);
        refresh();
    }

    /** True while there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True while there is an undone edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Description of the edit Undo would revert ("" when none). */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    /** Description of the edit Redo would apply again ("" when none). */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().description());
    }
}
