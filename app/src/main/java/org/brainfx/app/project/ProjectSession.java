package org.brainfx.app.project;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.project.MissingDataFileException;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;

/**
 * An open project together with its resolved form: every time the document's project changes,
 * the model is compiled and the data read again in the background, and the newest result (or the
 * error saying why it cannot be resolved) is published on the UI thread.
 *
 * <p>Views that need the compiled model or the sweeps observe {@link #resolvedProperty()}; a
 * resolution that finishes after a newer edit is dropped, so the views never go back in time.
 */
public final class ProjectSession {

    private final ProjectDocument document;
    private final Executor background;
    private final UiExecutor ui;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyObjectWrapper<ResolvedProject> resolved = new ReadOnlyObjectWrapper<>(this, "resolved");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper(this, "resolving");
    private final ReadOnlyObjectWrapper<MissingDataFileException> missing = new ReadOnlyObjectWrapper<>(this, "missing");

    /**
     * A session that resolves on {@code background} and publishes through {@code ui}.
     * Tests pass {@code Runnable::run} and {@link UiExecutor#direct()} to resolve synchronously.
     */
    public ProjectSession(ProjectDocument document, Executor background, UiExecutor ui) {
        this.document = document;
        this.background = background;
        this.ui = ui;
        document.projectProperty().addListener((obs, old, now) -> resolve(now));
        resolve(document.project());
    }

    /** The document being edited. */
    public ProjectDocument document() {
        return document;
    }

    /** The newest successfully resolved project (null before the first success). */
    public ReadOnlyObjectProperty<ResolvedProject> resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    /** The newest successfully resolved project, or null. */
    public ResolvedProject resolved() {
        return resolved.get();
    }

    /** Why the current project cannot be resolved ("" when it can). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The file the project refers to that is not there, when that is why it cannot be resolved; else null. */
    public ReadOnlyObjectProperty<MissingDataFileException> missingFileProperty() {
        return missing.getReadOnlyProperty();
    }

    /** True while a resolution is running. */
    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    /**
     * Resolves the current project again although it did not change: a file it refers to (a
     * {@code .model} file, a recording) changed on disk.
     */
    public void refresh() {
        resolve(document.project(), true);
    }

    /** True when {@code a} and {@code b} differ at most in their fit settings, name and description. */
    static boolean sameButFitAndNames(Project a, Project b) {
        return a.schemaVersion() == b.schemaVersion() && Objects.equals(a.model(), b.model())
                && Objects.equals(a.parameters(), b.parameters())
                && Objects.equals(a.stimulus(), b.stimulus()) && Objects.equals(a.record(), b.record())
                && Objects.equals(a.target(), b.target())
                && Objects.equals(a.recording(), b.recording());
    }

    /**
     * True when {@code now} is {@code old} with other fit settings only (same compiled model and
     * data, same name and description), so a view of the model or the data can keep what it shows.
     */
    public static boolean onlyFitSettingsChanged(ResolvedProject old, ResolvedProject now) {
        return old != null && now != null && old.model() == now.model() && old.target() == now.target()
                && old.stimulus() == now.stimulus() && Objects.equals(old.project().name(), now.project().name())
                && Objects.equals(old.project().description(), now.project().description());
    }

    private static ResolvedProject withProject(ResolvedProject r, Project p) {
        return new ResolvedProject(p, r.file(), r.spec(), r.model(), r.dt(), r.input(), r.stimulus(), r.record(),
                r.targetState(), r.target(), r.targetSpikes(), r.startFromTarget());
    }

    private void resolve(Project project) {
        resolve(project, false);
    }

    private void resolve(Project project, boolean again) {
        ResolvedProject current = resolved.get();
        if (!again && current != null && error.get().isEmpty() && current.file().equals(document.file())
                && sameButFitAndNames(current.project(), project)) {
            // Fit settings, name and description do not change the model or the data: no need to
            // compile and read everything again (a typed fit setting would otherwise do so).
            generation.incrementAndGet();
            resolving.set(false);
            missing.set(null);
            resolved.set(withProject(current, project));
            return;
        }
        long mine = generation.incrementAndGet();
        resolving.set(true);
        var file = document.file();
        background.execute(() -> {
            ResolvedProject result = null;
            String failure = "";
            MissingDataFileException gone = null;
            try {
                result = ResolvedProject.resolve(project, file);
            } catch (MissingDataFileException e) {
                failure = e.getMessage();
                gone = e;
            } catch (RuntimeException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            ResolvedProject r = result;
            String f = failure;
            MissingDataFileException m = gone;
            ui.execute(() -> {
                if (generation.get() != mine) {
                    return;
                }
                resolving.set(false);
                error.set(f);
                missing.set(m);
                if (r != null) {
                    resolved.set(r);
                }
            });
        });
    }
}
