package org.brainfx.app.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.app.project.UndoHistory;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.project.ProjectFiles;

/**
 * An open network project as the workbench edits it: the project (its {@link NetworkSpec}) and the
 * editor's layout, the file, undo and redo of every edit, and whether it differs from the saved files.
 *
 * <p>Specs are immutable records, so an edit is a function from the old state to the new one and undo
 * restores the previous state; a node's move is an edit like any other. Views edit through the
 * {@code edit} methods and observe {@link #specProperty()}. Use on the UI thread, except
 * {@link #specSupplier()}, which any thread may call.
 */
public final class NetworkDocument {

    /** The project and its layout, as one undoable value. */
    private record State(NetworkProject project, NetworkLayout layout) { }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<State> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyObjectWrapper<NetworkSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyObjectWrapper<NetworkLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final UndoHistory<State> history = new UndoHistory<>();
    private final BooleanBinding dirty;
    private final StringBinding title;
    // For other threads (a simulation about to start): the spec shown now, published whole.
    private volatile NetworkSpec current;

    /**
     * A document for {@code project} as saved in {@code file}, with the editor's {@code layout}
     * (nodes it does not place are placed by {@link AutoLayout}; that is not an unsaved change).
     */
    public NetworkDocument(NetworkProject project, NetworkLayout layout, Path file) {
        this(state(project, layout), state(project, layout), file);
    }

    private NetworkDocument(State current, State savedState, Path file) {
        this.file.set(file.toAbsolutePath().normalize());
        set(current);
        saved.set(savedState);
        dirty = Bindings.createBooleanBinding(() -> !state.get().equals(saved.get()), state, saved);
        title = Bindings.createStringBinding(() -> (dirty.get() ? "*" : "") + displayName() + " \u2014 "
                + this.file.get().getFileName() + (readOnly.get() ? " " + org.brainfx.app.project.ProjectDocument.READ_ONLY_MARK
                : ""), state, saved, this.file, readOnly);
    }

    private static State state(NetworkProject project, NetworkLayout layout) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(project.network(), "project.network");
        return new State(project, AutoLayout.complete(project.network(), layout == null ? NetworkLayout.EMPTY : layout));
    }

    /**
     * The unsaved edits of an earlier session of the project at {@code file}, as a document that is
     * dirty against the saved file, when a recovery copy exists, reads, and differs from the file.
     */
    public static Optional<NetworkDocument> recovered(Path file) {
        Path copy = recoveryFile(file);
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        try {
            State onDisk = state(NetworkProjectFiles.read(file), NetworkLayout.read(file));
            State recovered = state(NetworkProjectFiles.read(copy), NetworkLayout.read(copy));
            return recovered.equals(onDisk) ? Optional.empty() : Optional.of(new NetworkDocument(recovered, onDisk, file));
        } catch (RuntimeException e) {
            // An unreadable copy is no recovery; the project itself opens as saved.
            return Optional.empty();
        }
    }

    /** The recovery copy of a project file ({@code FILE.recovery}, its layout beside it), as neuron projects keep it. */
    public static Path recoveryFile(Path file) {
        return org.brainfx.app.project.ProjectDocument.recoveryFile(file);
    }

    /** Writes the unsaved state to the recovery copy (nothing when clean or read-only); returns whether it wrote. */
    public boolean writeRecovery() {
        if (readOnly.get()) {
            return false;
        }
        if (!isDirty()) {
            discardRecovery();
            return false;
        }
        write(state.get(), recoveryFile(file.get()));
        return true;
    }

    /** Deletes the recovery copy, its layout and their backups, if present. */
    public void discardRecovery() {
        Path copy = recoveryFile(file.get());
        Path layoutCopy = NetworkLayout.sidecarOf(copy);
        try {
            for (Path p : List.of(copy, layoutCopy)) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + ".bak"));
            }
        } catch (java.io.IOException e) {
            throw new NetworkException(copy + ": cannot delete the recovery copy (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the network project at {@code path} (a file or a folder with one project) and its layout; does file I/O.
     *
     * @throws NetworkException naming the file, the place and the fix
     */
    public static NetworkDocument open(Path path) {
        Path f;
        try {
            f = ProjectFiles.locate(path);
        } catch (RuntimeException e) {
            throw new NetworkException(e.getMessage(), e);
        }
        return new NetworkDocument(NetworkProjectFiles.read(f), NetworkLayout.read(f), f);
    }

    /** The project as it is now. */
    public NetworkProject project() {
        return state.get().project();
    }

    /** The network as it is now. */
    public NetworkSpec spec() {
        return spec.get();
    }

    /** The network as it is now; changes with every edit, undo and redo. */
    public ReadOnlyObjectProperty<NetworkSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** The network as it is at the moment of the call; safe to call from any thread (a simulation's start). */
    public Supplier<NetworkSpec> specSupplier() {
        return () -> current;
    }

    /** Where the editor draws each node now. */
    public NetworkLayout layout() {
        return layout.get();
    }

    /** Where the editor draws each node; changes with moves, undo and redo. */
    public ReadOnlyObjectProperty<NetworkLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The project file (absolute). */
    public Path file() {
        return file.get();
    }

    /** The project file; changes on Save As. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The folder relative file names in the spec start from (the project file's folder). */
    public Path baseDir() {
        return file.get().getParent();
    }

    /** Marks the document read-only: Save refuses (a bundled sample); Save As makes a writable copy elsewhere. */
    public void markReadOnly() {
        readOnly.set(true);
    }

    /** True while the file must not be written. */
    public boolean isReadOnly() {
        return readOnly.get();
    }

    /**
     * Changes the network; one undoable edit. A change that changes nothing is ignored.
     *
     * @param description what the edit did, as the Undo menu item shows it ("Add population P1")
     */
    public void editSpec(String description, UnaryOperator<NetworkSpec> change) {
        edit(description, change, UnaryOperator.identity());
    }

    /** Moves nodes (or otherwise changes the layout); one undoable edit. */
    public void editLayout(String description, UnaryOperator<NetworkLayout> change) {
        edit(description, UnaryOperator.identity(), change);
    }

    /** Changes the network and the layout together (adding or renaming a node); one undoable edit. */
    public void edit(String description, UnaryOperator<NetworkSpec> specChange, UnaryOperator<NetworkLayout> layoutChange) {
        State before = state.get();
        NetworkProject p = before.project();
        NetworkSpec next = Objects.requireNonNull(specChange.apply(p.network()), "edit '" + description + "' returned null");
        NetworkLayout nextLayout = Objects.requireNonNull(layoutChange.apply(before.layout()),
                "edit '" + description + "' returned no layout");
        State after = new State(new NetworkProject(p.schemaVersion(), p.name(), p.description(), next), nextLayout);
        apply(description, before, after);
    }

    /** Changes the project's name and description (the network stays); one undoable edit. */
    public void editProject(String description, String name, String about) {
        State before = state.get();
        NetworkProject p = before.project();
        apply(description, before, new State(new NetworkProject(p.schemaVersion(), name, about, p.network()), before.layout()));
    }

    private void apply(String description, State before, State after) {
        if (after.equals(before)) {
            return;
        }
        history.push(description, before, after);
        set(after);
    }

    /** Undoes the last edit, if any. */
    public void undo() {
        State previous = history.undo();
        if (previous != null) {
            set(previous);
        }
    }

    /** Redoes the last undone edit, if any. */
    public void redo() {
        State next = history.redo();
        if (next != null) {
            set(next);
        }
    }

    /** True while there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    /** True while there is an undone edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** Description of the edit Undo would revert ("" when none). */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return history.undoDescriptionProperty();
    }

    /** Description of the edit Redo would apply again ("" when none). */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return history.redoDescriptionProperty();
    }

    /** True while the project or its layout differs from the saved files. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** True while the project or its layout differs from the saved files. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** The window title: an asterisk when unsaved, the project's name and its file name. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The project's name, or its file name when it has none. */
    public String displayName() {
        String n = project().name();
        return n == null || n.isBlank() ? file.get().getFileName().toString() : n;
    }

    /**
     * Saves the project (atomically, the previous version kept as {@code .bak}) and its layout
     * sidecar; a read-only document refuses (use {@link #saveAs}).
     *
     * @throws NetworkException when the document is read-only
     * @throws org.brainfx.engine.project.ProjectException when a file cannot be written
     */
    public void save() {
        if (readOnly.get()) {
            throw new NetworkException(file.get() + ": this is a bundled sample and is not overwritten; use Save As to "
                    + "keep your changes in a project of your own");
        }
        write(state.get(), file.get());
        saved.set(state.get());
        discardRecovery();
    }

    /**
     * Saves to another file, which becomes the document's (writable) file from now on. Relative file
     * names in the spec (models, synapses, value and connection files) are rewritten to name the same
     * files from the new folder, in the undo history too.
     */
    public void saveAs(Path target) {
        Path f = target.toAbsolutePath().normalize();
        Path from = baseDir();
        Path to = f.getParent();
        UnaryOperator<State> rebase = s -> new State(NetworkPaths.rebase(s.project(), from, to), s.layout());
        State moved = rebase.apply(state.get());
        write(moved, f);
        if (!readOnly.get()) {
            discardRecovery();
        }
        history.map(rebase);
        readOnly.set(false);
        file.set(f);
        set(moved);
        saved.set(moved);
    }

    private static void write(State s, Path f) {
        NetworkProjectFiles.write(s.project(), f);
        s.layout().write(f);
    }

    private void set(State s) {
        state.set(s);
        current = s.project().network();
        spec.set(current);
        layout.set(s.layout());
    }

}
