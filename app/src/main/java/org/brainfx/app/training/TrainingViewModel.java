package org.brainfx.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.charts.WeightMatrixChart;
import org.brainfx.app.jobs.PausableJob;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.Wiring;
import org.brainfx.engine.task.TrialBatch;
import org.brainfx.engine.train.EiRsnn;
import org.brainfx.engine.train.RsnnBptt;
import org.brainfx.engine.train.RsnnWeightFiles;
import org.brainfx.engine.train.RsnnWeights;
import org.brainfx.engine.train.TrainRecord;
import org.brainfx.engine.train.TrainingCsv;
import org.brainfx.engine.train.TrainJob;
import org.brainfx.engine.train.TrainProgress;
import org.brainfx.engine.train.TrainResult;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;
import org.brainfx.engine.train.TrainingSettings;
import org.brainfx.engine.train.TrainingSetup;
import org.brainfx.engine.train.TrialRecording;
import org.brainfx.engine.train.WeightHistogram;

/**
 * The training dashboard apart from its nodes: the form of the project's settings, a {@link TrainJob}
 * started, paused, resumed and stopped from the UI, its progress brought to the UI thread coalesced
 * (only the newest snapshot is applied, one hand-off queued at a time), and when the run ends its
 * result and one held-out trial of the best weights, recorded in the background.
 */
public final class TrainingViewModel {
    /** Where a run stands. */
    public enum State {
        /** No run yet, or the last one ended. */
        IDLE,
        /** Building the network and task. */
        PREPARING,
        /** Training. */
        RUNNING,
        /** Paused after a batch. */
        PAUSED,
        /** Asked to stop; finishing the batch and testing the best weights. */
        STOPPING;

        /** True while a run holds the job. */
        public boolean active() {
            return this != IDLE;
        }
    }

    /** Bins of the histograms of the initial weights (as the job's own). */
    private static final int BINS = 40;

    private final Path file;
    private final TrainingProjectHistory history;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final TrainingForm form;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final ObjectProperty<TrainProgress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObjectProperty<TrainResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<TrialRecording> trial = new SimpleObjectProperty<>(this, "trial");
    private final ObjectProperty<WeightHistogram[]> before = new SimpleObjectProperty<>(this, "before");
    private final ObjectProperty<WeightMatrixChart.Matrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final AtomicReference<RsnnWeights> wantedInspection = new AtomicReference<>();
    private final AtomicBoolean inspectionQueued = new AtomicBoolean();
    private RsnnWeights inspected;
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final AtomicReference<TrainProgress> pending = new AtomicReference<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final BooleanBinding canStart;
    private final StringBinding status;
    private volatile TrainJob job;
    private volatile TrainingSetup setup;

    /**
     * The dashboard of the training project in {@code file}, already read as {@code project}; setups are
     * built on {@code background}, UI state changes through {@code ui}.
     */
    public TrainingViewModel(Path file, TrainingProject project, ResourceBundle messages, Executor background,
                             UiExecutor ui) {
        this.file = file;
        this.history = new TrainingProjectHistory(file, project);
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.form = new TrainingForm(project.training(), messages);
        canStart = Bindings.createBooleanBinding(() -> state.get() == State.IDLE && form.settingsProperty().get() != null,
                state, form.settingsProperty());
        status = Bindings.createStringBinding(this::statusText, state, progress, result);
        // Loaded before Start rather than at the first batch, where loading it held the window's pulses.
        background.execute(RsnnBptt::loadNatives);
    }

    /** The project file. */
    public Path file() {
        return file;
    }

    /** The project as it is now (as read, then as edited from the dashboard). */
    public TrainingProject project() {
        return history.projectProperty().get();
    }

    /** The dashboard's edits of the project, undoable. */
    public TrainingProjectHistory history() {
        return history;
    }

    /** The project's name (its file's when it has none). */
    public String name() {
        TrainingProject project = project();
        if (project.name() != null && !project.name().isBlank()) {
            return project.name();
        }
        String f = file.getFileName().toString();
        return f.endsWith(".brainfx.json") ? f.substring(0, f.length() - ".brainfx.json".length()) : f;
    }

    /** The settings form. */
    public TrainingForm form() {
        return form;
    }

    /** Where the run stands. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** The newest progress applied, null before a run. */
    public ReadOnlyObjectProperty<TrainProgress> progressProperty() {
        return progress;
    }

    /** The last run's result, null until one ends. */
    public ReadOnlyObjectProperty<TrainResult> resultProperty() {
        return result;
    }

    /** A held-out trial of the last run's best weights, null until recorded. */
    public ReadOnlyObjectProperty<TrialRecording> trialProperty() {
        return trial;
    }

    /** Histograms of |E| and |I| of the current run's initial weights, null before a run. */
    public ReadOnlyObjectProperty<WeightHistogram[]> beforeProperty() {
        return before;
    }

    /** The best weights so far as a matrix picture, null before a run's first snapshot. */
    public ReadOnlyObjectProperty<WeightMatrixChart.Matrix> matrixProperty() {
        return matrix;
    }

    /** What the last apply, save or export did (or why it failed); empty before one. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last run could not start or failed; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True while the form is valid and no run is going. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Starts a run with the form's settings: the setup is built in the background, then the job trains on the low-priority compute pool. */
    public void start() {
        TrainingSettings settings = form.settingsProperty().get();
        if (!canStart.get()) {
            return;
        }
        state.set(State.PREPARING);
        failure.set("");
        result.set(null);
        trial.set(null);
        matrix.set(null);
        inspected = null;
        progress.set(null);
        pending.set(null);
        TrainingProject project = project();
        background.execute(() -> {
            TrainingSetup setup;
            WeightHistogram[] initial;
            try {
                setup = TrainingSetup.of(project, settings, TrainingProjectFiles.baseDir(file));
                EiRsnn net = setup.network();
                initial = new WeightHistogram[] {
                    WeightHistogram.of(setup.initial().excitatory(), net.excitatoryMask(), BINS, 0),
                    WeightHistogram.of(setup.initial().inhibitory(), net.inhibitoryMask(), BINS, 0)};
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
                return;
            }
            TrainJob started = new TrainJob(setup, null, false);
            ui.execute(() -> {
                before.set(initial);
                this.setup = setup;
                job = started;
                state.set(State.RUNNING);
                // On the compute pool rather than the job's own thread, as fits run: there it and the worker
                // threads it starts run at low priority, so the window keeps drawing. The example trial is
                // recorded there too, off the UI thread.
                CompletableFuture.supplyAsync(() -> {
                    TrainResult r = started.run(p -> offer(started, p));
                    return new Ended(r, record(setup, r.best()), WeightMatrixChart.of(setup.network(), r.best()));
                }, BackgroundTasks.computeExecutor()).whenComplete((ended, e) -> ui.execute(() -> complete(started, ended, e)));
            });
        });
    }

    /** Pauses after the current batch. */
    public void pause() {
        TrainJob j = job;
        if (j != null && state.get() == State.RUNNING) {
            j.pause();
            state.set(State.PAUSED);
        }
    }

    /** Resumes a paused run. */
    public void resume() {
        TrainJob j = job;
        if (j != null && state.get() == State.PAUSED) {
            j.resume();
            state.set(State.RUNNING);
        }
    }

    /** Stops after the current batch; the best weights so far are kept and tested. */
    public void stop() {
        TrainJob j = job;
        if (j != null && (state.get() == State.RUNNING || state.get() == State.PAUSED)) {
            j.cancel();
            state.set(State.STOPPING);
        }
    }

    /** True when the last run's best weights can be applied to the project (a run ended, none going). */
    public boolean canApply() {
        return result.get() != null && setup != null && !state.get().active();
    }

    /**
     * Writes the last run's best weights as {@code .npy} files into a new folder beside the project (in
     * the background), then makes the project start from them ({@code rsnn.weights}) — one undoable edit,
     * written at once. Undo points the project back; the weight files stay.
     */
    public void applyWeights() {
        if (!canApply()) {
            return;
        }
        TrainResult r = result.get();
        TrainingSetup s = setup;
        Path base = TrainingProjectFiles.baseDir(file);
        String folder = freeFolder(base, fileStem(name()) + "-weights");
        background.execute(() -> {
            try {
                RsnnWeightFiles.write(base.resolve(folder), s.network(), r.best());
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> notice.set(MessageFormat.format(text("training.apply.failed"), e.getMessage())));
                return;
            }
            ui.execute(() -> {
                TrainingProject p = project();
                TrainingProject.RsnnSpec network = p.rsnn() != null ? p.rsnn() : TrainingProject.RsnnSpec.reference();
                edit(MessageFormat.format(text("training.apply.edit"), folder), p.withRsnn(network.withWeights(folder)),
                        MessageFormat.format(text("training.applied"), base.resolve(folder)));
            });
        });
    }

    /** Saves the form's settings into the project, one undoable edit. */
    public void saveSettings() {
        TrainingSettings settings = form.settingsProperty().get();
        if (settings != null && !settings.equals(project().training())) {
            edit(text("training.save.edit"), project().withTraining(settings), text("training.saved"));
        }
    }

    /** Undoes the last apply or save (the project file is written as it was). */
    public void undo() {
        guarded(history::undo);
    }

    /** Redoes the last undone edit. */
    public void redo() {
        guarded(history::redo);
    }

    /**
     * Writes the run's data into {@code folder}: its curves ({@code <name>-training.csv}) and the best
     * weights, one {@code .npy} per projection, in {@code <name>-weights/}; returns the files written.
     */
    public List<Path> exportData(Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        TrainProgress p = progress.get();
        List<TrainRecord> records = result.get() != null ? result.get().history() : p != null ? p.history() : List.of();
        Path csv = folder.resolve(fileStem(name()) + "-training.csv");
        TrainingCsv.write(csv, records);
        written.add(csv);
        RsnnWeights best = result.get() != null ? result.get().best() : p != null ? p.best() : null;
        if (best != null && setup != null) {
            written.addAll(RsnnWeightFiles.write(folder.resolve(fileStem(name()) + "-weights"), setup.network(), best));
        }
        return written;
    }

    /** File names from a project name: characters no file system accepts become '-'. */
    static String fileStem(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
    }

    /** Shows {@code words} as the dashboard's notice (export results from the view). */
    void tell(String words) {
        notice.set(words);
    }

    private void edit(String what, TrainingProject changed, String done) {
        guarded(() -> {
            history.apply(what, changed);
            notice.set(done);
        });
    }

    private void guarded(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            notice.set(e.getMessage());
        }
    }

    private static String freeFolder(Path base, String stem) {
        String name = stem;
        for (int k = 2; java.nio.file.Files.exists(base.resolve(name)); k++) {
            name = stem + "-" + k;
        }
        return name;
    }

    /** The status line: batch, best held-out, elapsed and the job's own words. */
    public StringBinding statusProperty() {
        return status;
    }

    private String statusText() {
        TrainProgress p = progress.get();
        TrainResult r = result.get();
        if (r != null) {
            return MessageFormat.format(text("training.status.ended"), r.batches(), percent(r.heldOutAccuracy()),
                    percent(r.testAccuracy()), seconds(r.wallSeconds()), r.stop());
        }
        if (p == null) {
            return state.get() == State.PREPARING ? text("training.status.preparing") : text("training.status.idle");
        }
        String words = state.get() == State.PAUSED ? "paused" : state.get() == State.STOPPING ? "stopping" : p.status();
        return MessageFormat.format(text("training.status.running"), p.batch(), p.batches(), percent(p.bestHeldOut()),
                seconds(p.wallSeconds()), words);
    }

    /** The firing rates of the last batch, or "" before one. */
    public String ratesText() {
        TrainProgress p = progress.get();
        if (p == null || p.last() == null) {
            return "";
        }
        return String.format(Locale.ROOT, text("training.status.rates"), p.last().rateE(), p.last().rateI());
    }

    /** The runs as the job panel shows them, titled {@code title}: batches done, the status line, pause, resume and stop. */
    public RunningJob runningJob(String title) {
        return new PausableJob(title,
                Bindings.createDoubleBinding(() -> progress.get() == null ? -1 : progress.get().fraction(), progress),
                status, Bindings.createBooleanBinding(() -> state.get().active(), state),
                Bindings.createBooleanBinding(() -> state.get() == State.PAUSED, state), this::pause, this::resume, this::stop);
    }

    /** Cancels a running job (the view is closing). */
    public void close() {
        TrainJob j = job;
        if (j != null && state.get().active()) {
            j.cancel();
        }
    }

    private record Ended(TrainResult result, TrialRecording trial, WeightMatrixChart.Matrix matrix) {
    }

    private record Inspection(RsnnWeights weights, TrialRecording trial, WeightMatrixChart.Matrix matrix) {
    }

    /**
     * Records a held-out trial and draws the weight matrix of the best weights {@code w} in the background,
     * newest wins: while one recording runs, later requests replace each other and only the last is made.
     */
    private void inspect(TrainJob source, TrainingSetup s, RsnnWeights w) {
        wantedInspection.set(w);
        if (!inspectionQueued.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            RsnnWeights next;
            while ((next = wantedInspection.getAndSet(null)) != null) {
                Inspection made;
                try {
                    made = new Inspection(next, record(s, next), WeightMatrixChart.of(s.network(), next));
                } catch (RuntimeException e) {
                    ui.execute(() -> fail(e));
                    break;
                }
                ui.execute(() -> {
                    if (source == job && state.get().active()) {
                        trial.set(made.trial());
                        matrix.set(made.matrix());
                    }
                });
            }
            inspectionQueued.set(false);
            if (wantedInspection.get() != null) {
                RsnnWeights late = wantedInspection.get();
                inspect(source, s, late);
            }
        });
    }

    /** A held-out trial of the weights {@code w}, recorded as the command line records its picture. */
    private static TrialRecording record(TrainingSetup setup, RsnnWeights w) {
        EiRsnn net = setup.network();
        TrialBatch heldOut = setup.task().batch(Wiring.seedFor(setup.settings().seed(), "held-out"), 0, 1);
        int[] shown = net.inhibitory() > 0 ? new int[] {0, 1, net.excitatory()} : new int[] {0, 1};
        try (RsnnBptt recorder = new RsnnBptt(net, 1, 1)) {
            return recorder.record(heldOut, 0, w, shown);
        }
    }

    private void offer(TrainJob source, TrainProgress p) {
        pending.set(p);
        if (updateQueued.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateQueued.set(false);
                TrainProgress newest = pending.getAndSet(null);
                if (newest != null && source == job && state.get().active()) {
                    progress.set(newest);
                    // From the first held-out evaluation on: before it the "best" weights are the untrained ones.
                    if (!Double.isNaN(newest.bestHeldOut()) && newest.best() != inspected && setup != null) {
                        inspected = newest.best();
                        inspect(source, setup, inspected);
                    }
                }
            });
        }
    }

    private void complete(TrainJob source, Ended ended, Throwable e) {
        if (source != job) {
            return;
        }
        TrainProgress last = source.latest();
        if (last != null) {
            progress.set(last);
        }
        if (e != null) {
            fail(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
            return;
        }
        trial.set(ended.trial());
        matrix.set(ended.matrix());
        result.set(ended.result());
        state.set(State.IDLE);
    }

    private void fail(Throwable e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        failure.set(MessageFormat.format(text("training.failed"), why));
        state.set(State.IDLE);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f\u00a0%%", 100 * fraction);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
