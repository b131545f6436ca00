package org.brainfx.app.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ProjectPaths;

/**
 * An open project as the workbench edits it: the current {@link Project} value, its file, undo
 * and redo of every edit, whether it differs from the saved file, and a recovery copy.
 *
 * <p>Projects are immutable records, so an edit is a function from the old value to the new one
 * and undo simply restores the previous value. Every view edits through {@link #edit} and
 * observes {@link #projectProperty()}; none keeps a private copy. Use on the UI thread.
 */
public final class ProjectDocument {

    /** What the title adds for a read-only project (a bundled sample). */
    public static final String READ_ONLY_MARK = "(read-only sample: Save As to keep changes)";
    /** Suffix of the recovery copy written next to the project while it has unsaved changes. */
    public static final String RECOVERY_SUFFIX = ".recovery";

    /** What Save As does with the files a project refers to by relative path when it moves to another folder. */
    public enum DataFiles {
        /** Rewrite the relative paths so they name the same files from the new folder. */
        REFER,
        /** Copy the files beside the new project file and refer to the copies. */
        COPY
    }

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Project> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final UndoHistory<Project> history = new UndoHistory<>();
    private final BooleanBinding dirty;
    private final StringBinding title;

    /**
     * A document for {@code value} read from (or to be saved to) {@code file}.
     *
     * @param value the project as it is on disk (or as recovered, then {@code savedValue} differs)
     * @param savedValue the project as saved in {@code file}; the document is dirty while they differ
     */
    public ProjectDocument(Project value, Project savedValue, Path file) {
        project.set(Objects.requireNonNull(value, "project"));
        saved.set(savedValue);
        this.file.set(file.toAbsolutePath().normalize());
        dirty = Bindings.createBooleanBinding(() -> !project.get().equals(saved.get()), project, saved);
        title = Bindings.createStringBinding(() -> (dirty.get() ? "*" : "") + displayName() + " \u2014 "
                + this.file.get().getFileName() + (readOnly.get() ? " " + READ_ONLY_MARK : ""),
                project, saved, this.file, readOnly);
    }

    /** Reads the project at {@code path} (a file or a folder with one project); does file I/O. */
    public static ProjectDocument open(Path path) {
        Path f = ProjectFiles.locate(path);
        Project p = ProjectFiles.read(f);
        return new ProjectDocument(p, p, f);
    }

    /**
     * The unsaved edits of an earlier session for the project at {@code file}, if a recovery copy
     * exists, can be read and differs from the saved file.
     */
    public static Optional<Project> recovery(Path file) {
        Path copy = recoveryFile(file);
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        try {
            Project recovered = ProjectFiles.read(copy);
            Project onDisk = ProjectFiles.read(file);
            return recovered.equals(onDisk) ? Optional.empty() : Optional.of(recovered);
        } catch (ProjectException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks the document read-only: its file (a bundled sample) is never written, neither by
     * {@link #save()} nor by recovery copies; {@link #saveAs} makes a writable copy elsewhere.
     */
    public void markReadOnly() {
        readOnly.set(true);
    }

    /** True while the file must not be written (a bundled sample until it is saved elsewhere). */
    public boolean isReadOnly() {
        return readOnly.get();
    }

    /** True while the file must not be written. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Where the recovery copy of {@code file} lives. */
    public static Path recoveryFile(Path file) {
        return file.resolveSibling(file.getFileName() + RECOVERY_SUFFIX);
    }

    /** The current project value. */
    public Project project() {
        return project.get();
    }

    /** The current project value, replaced by every edit, undo and redo. */
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** The project file (absolute). */
    public Path file() {
        return file.get();
    }

    /** The project file, changed by {@link #saveAs}. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The folder relative paths in the project are resolved against. */
    public Path folder() {
        return file.get().getParent();
    }

    /**
     * Applies an edit; it can be undone. An edit that changes nothing is ignored.
     *
     * @param description what the edit did, as the Undo menu item shows it (e.g. "Change gNa")
     * @param change      the new project from the old one
     */
    public void edit(String description, UnaryOperator<Project> change) {
        Project before = project.get();
        Project after = Objects.requireNonNull(change.apply(before), "edit '" + description + "' returned null");
        if (after.equals(before)) {
            return;
        }
        history.push(description, before, after);
        project.set(after);
    }

    /** Undoes the last edit, if any. */
    public void undo() {
        Project previous = history.undo();
        if (previous != null) {
            project.set(previous);
        }
    }

    /** Redoes the last undone edit, if any. */
    public void redo() {
        Project next = history.redo();
        if (next != null) {
            project.set(next);
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

    /** True while the project differs from its saved file. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** True while the project differs from its saved file. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** The window title: an asterisk when unsaved, the project's name and its file name. */
    public StringBinding titleProperty() {
        return title;
    }

    /**
     * Saves to the project file atomically (previous version kept as {@code .bak}) and drops the
     * recovery copy; a read-only document refuses (use {@link #saveAs}).
     */
    public void save() {
        if (readOnly.get()) {
            throw new ProjectException(file.get() + ": this is a bundled sample and is not overwritten; use Save As to "
                    + "keep your changes in a project of your own");
        }
        ProjectFiles.write(project.get(), file.get());
        saved.set(project.get());
        discardRecovery();
    }

    /**
     * Saves to another file, which becomes the project's (writable) file from now on. In another
     * folder the files the project refers to by relative path still work: their paths are rewritten
     * ({@link DataFiles#REFER}) or the files copied beside it ({@link DataFiles#COPY}); the undo
     * history is rewritten to refer to the same files from there.
     */
    public void saveAs(Path target, DataFiles data) {
        Path f = target.toAbsolutePath().normalize();
        Path from = folder();
        Path to = f.getParent();
        UnaryOperator<Project> rebase = p -> ProjectPaths.rebase(p, from, to);
        Project moved = data == DataFiles.COPY ? ProjectPaths.copyData(project.get(), from, to)
                : rebase.apply(project.get());
        ProjectFiles.write(moved, f);
        if (!readOnly.get()) {
            discardRecovery();
        }
        history.map(rebase);
        readOnly.set(false);
        file.set(f);
        saved.set(moved);
        project.set(moved);
    }

    /** Saves to another file, rewriting relative paths to the files the project refers to ({@link DataFiles#REFER}). */
    public void saveAs(Path target) {
        saveAs(target, DataFiles.REFER);
    }

    /** True when the project refers to files by relative path, which a move to another folder must carry along. */
    public boolean refersToRelativeFiles() {
        return ProjectPaths.references(project.get()).stream().anyMatch(ProjectPaths.DataRef::relative);
    }

    /** Writes the unsaved state to the recovery file (nothing when clean); returns whether it wrote. */
    public boolean writeRecovery() {
        if (readOnly.get()) {
            return false;
        }
        if (!isDirty()) {
            discardRecovery();
            return false;
        }
        ProjectFiles.write(project.get(), recoveryFile(file.get()));
        return true;
    }

    /** Deletes the recovery copy (and its backup) if present. */
    public void discardRecovery() {
        Path copy = recoveryFile(file.get());
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + ".bak"));
        } catch (IOException e) {
            throw new ProjectException(copy + ": cannot delete the recovery copy (" + e.getMessage() + ")", e);
        }
    }

    private String displayName() {
        String name = project.get().name();
        return name == null || name.isBlank() ? file.get().getFileName().toString() : name;
    }

}
