package org.brainfx.app.workbench;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The workbench's state apart from any view: the open project, the message log and the running
 * jobs; opening (with crash recovery), saving and autosaving.
 *
 * <p>Opening reads and resolves in the background. A project whose file reads but whose model or
 * data cannot be resolved still opens — the views say what is wrong so it can be fixed there.
 */
public final class WorkbenchModel {

    /** Longest message log kept; older lines drop off. */
    static final int LOG_LIMIT = 500;

    private record Opened(ProjectDocument document, Optional<Project> recovery) { }

    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<ProjectSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ObservableList<LogEntry> log = FXCollections.observableArrayList();
    private final ObservableList<RunningJob> jobs = FXCollections.observableArrayList();
    private Predicate<Path> recoveryPrompt = file -> false;
    private boolean recoveryCopies = true;
    private BiConsumer<String, String> errorReporter = (header, detail) -> { };
    private Path samplesFolder;

    /** A workbench that reads projects on {@code background} and publishes through {@code ui}. */
    public WorkbenchModel(ResourceBundle messages, Executor background, UiExecutor ui, Clock clock) {
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /** Asks the user whether to restore the unsaved edits found for a project (true: restore). */
    public void setRecoveryPrompt(Predicate<Path> prompt) {
        recoveryPrompt = prompt;
    }

    /**
     * Opens projects as saved, neither offering nor discarding their recovery copies, and writes
     * none: for rendering pictures of a project, which must leave its folder as it was.
     */
    public void leaveRecoveryCopiesAlone() {
        recoveryCopies = false;
    }

    /** False when recovery copies are neither read, offered nor written (a snapshot). */
    boolean keepsRecoveryCopies() {
        return recoveryCopies;
    }

    /**
     * Projects under {@code folder} (the bundled samples) open read-only, so that Save never
     * overwrites them; null: none.
     */
    public void setSamplesFolder(Path folder) {
        samplesFolder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /** True when {@code file} is one of the bundled samples. */
    public boolean isSample(Path file) {
        return samplesFolder != null && file.toAbsolutePath().normalize().startsWith(samplesFolder);
    }

    /** Shows a failure to the user beyond the log (the window opens an alert with a header and the detail). */
    public void setErrorReporter(BiConsumer<String, String> reporter) {
        errorReporter = reporter;
    }

    /** The open project, or null. */
    public ReadOnlyObjectProperty<ProjectSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The open project, or null. */
    public ProjectSession session() {
        return session.get();
    }

    /** The message log, oldest first. */
    public ObservableList<LogEntry> log() {
        return log;
    }

    /** Jobs the job panel shows. */
    public ObservableList<RunningJob> jobs() {
        return jobs;
    }

    /** Lists {@code job} in the job panel from the moment it first runs (idle jobs would only be noise). */
    public void track(RunningJob job) {
        job.active().addListener((obs, was, now) -> {
            if (now && !jobs.contains(job)) {
                jobs.add(job);
            }
        });
    }

    /**
     * Opens the project at {@code path} in the background; on success it replaces the open project
     * and {@code onOpened} runs on the UI thread.
     */
    public void open(Path path, Runnable onOpened) {
        info("log.opening", path.getFileName());
        background.execute(() -> {
            Opened opened;
            try {
                ProjectDocument doc = ProjectDocument.open(path);
                boolean sample = isSample(doc.file());
                if (sample) {
                    doc.markReadOnly();
                }
                opened = new Opened(doc, recoveryCopies && !sample ? ProjectDocument.recovery(doc.file()) : Optional.empty());
            } catch (ProjectException e) {
                ui.execute(() -> fail("log.open.failed", path, e));
                return;
            }
            ui.execute(() -> adopt(opened, onOpened));
        });
    }

    private void adopt(Opened opened, Runnable onOpened) {
        ProjectDocument doc = opened.document();
        if (opened.recovery().isPresent() && recoveryPrompt.test(doc.file())) {
            doc = new ProjectDocument(opened.recovery().get(), doc.project(), doc.file());
            info("log.recovered", doc.file().getFileName());
        } else if (opened.recovery().isPresent()) {
            doc.discardRecovery();
        }
        ProjectSession s = new ProjectSession(doc, background, ui);
        s.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                log.add(entry(true, now));
            }
        });
        closeJobs();
        session.set(s);
        info(doc.isReadOnly() ? "log.opened.sample" : "log.opened", doc.file().getFileName());
        onOpened.run();
    }

    /**
     * Saves the open project; failures go to the log and the user. Returns whether it saved (a
     * read-only sample is not saved: the window asks where to Save As instead).
     */
    public boolean save() {
        ProjectSession s = session.get();
        if (s == null || s.document().isReadOnly()) {
            return false;
        }
        try {
            s.document().save();
            info("log.saved", s.document().file().getFileName());
            return true;
        } catch (ProjectException e) {
            fail("log.save.failed", s.document().file(), e);
            return false;
        }
    }

    /** Saves the open project under another name, which it keeps, rewriting relative paths. Returns whether it saved. */
    public boolean saveAs(Path target) {
        return saveAs(target, ProjectDocument.DataFiles.REFER);
    }

    /**
     * Saves the open project under another name, which it keeps; the files it refers to are
     * referred to from there or copied beside it. Returns whether it saved.
     */
    public boolean saveAs(Path target, ProjectDocument.DataFiles data) {
        ProjectSession s = session.get();
        if (s == null) {
            return false;
        }
        try {
            s.document().saveAs(target, data);
            info("log.saved", target.getFileName());
            return true;
        } catch (ProjectException e) {
            fail("log.save.failed", target, e);
            return false;
        }
    }

    /** Writes the recovery copy of unsaved edits (called periodically); failures are logged once per call. */
    public void autosave() {
        ProjectSession s = session.get();
        if (s == null || !recoveryCopies) {
            return;
        }
        try {
            if (s.document().writeRecovery()) {
                info("log.autosaved", ProjectDocument.recoveryFile(s.document().file()).getFileName());
            }
        } catch (ProjectException e) {
            log.add(entry(true, e.getMessage()));
        }
    }

    /** Cancels running jobs and drops the recovery copy of a clean project; call when the window closes. */
    public void close() {
        closeJobs();
        ProjectSession s = session.get();
        if (s != null && !s.document().isDirty() && recoveryCopies && !s.document().isReadOnly()) {
            s.document().discardRecovery();
        }
    }

    /** Closes the open project (File → Close): its jobs stop and no project is open afterwards. */
    public void closeProject() {
        ProjectSession s = session.get();
        if (s == null) {
            return;
        }
        close();
        session.set(null);
        info("log.closed", s.document().file().getFileName());
    }

    /** Adds a failure the user should see to the log. */
    public void error(String text) {
        log.add(entry(true, text));
    }

    /** Adds a line to the log. */
    public void info(String key, Object... args) {
        log.add(entry(false, MessageFormat.format(messages.getString(key), args)));
    }

    private void fail(String key, Path file, RuntimeException e) {
        String text = MessageFormat.format(messages.getString(key), file, e.getMessage());
        log.add(entry(true, text));
        errorReporter.accept(MessageFormat.format(messages.getString(key + ".header"), file.toAbsolutePath().normalize()),
                e.getMessage());
    }

    private LogEntry entry(boolean error, String text) {
        if (log.size() >= LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT + 1);
        }
        return new LogEntry(LocalTime.now(clock).withNano(0), error, text);
    }

    private void closeJobs() {
        for (RunningJob job : List.copyOf(jobs)) {
            if (job.active().get()) {
                job.cancel();
            }
        }
        jobs.clear();
    }

    /** The resolved open project, or null while none is open or it does not resolve. */
    public ResolvedProject resolved() {
        ProjectSession s = session.get();
        return s == null ? null : s.resolved();
    }
}
