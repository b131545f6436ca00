package org.brainfx.app.jobs;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitProgress;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.StopReason;

/**
 * The UI's handle on one {@link FitJob} at a time: mirrors its progress snapshots into observable
 * properties on the UI thread and forwards start, pause, resume and cancel.
 *
 * <p>Snapshots arrive on the engine's publisher thread (already ≤ 30 a second); at most one UI
 * update is ever queued, and it applies the newest snapshot, so a busy UI thread sees fewer,
 * fresher updates instead of a growing backlog.
 */
public final class FitJobRunner {

    /** Where a fit stands, as the UI shows it. */
    public enum State {
        /** No fit started yet. */
        IDLE,
        /** Evaluating candidates. */
        RUNNING,
        /** Waiting for resume or cancel. */
        PAUSED,
        /** Stopped by its own budget or convergence; the result is set. */
        FINISHED,
        /** Stopped by the user; the result holds the best point so far. */
        CANCELLED,
        /** Ended by an exception; the error is set. */
        FAILED;

        /** True while a job is alive (running or paused). */
        public boolean active() {
            return this == RUNNING || this == PAUSED;
        }
    }

    private final UiExecutor ui;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final IntegerProperty iteration = new SimpleIntegerProperty(this, "iteration");
    private final IntegerProperty maxIterations = new SimpleIntegerProperty(this, "maxIterations");
    private final LongProperty evaluations = new SimpleLongProperty(this, "evaluations");
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(this, "elapsedSeconds");
    private final DoubleProperty bestLoss = new SimpleDoubleProperty(this, "bestLoss", Double.NaN);
    private final ObservableList<FitResult.HistoryPoint> history = FXCollections.observableArrayList();
    // Held in a field: the wrapper listens to the backing list weakly and would lose its listeners if collected.
    private final ObservableList<FitResult.HistoryPoint> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final ObjectProperty<FitResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<FitProgress> progress = new SimpleObjectProperty<>(this, "progress");
    private final AtomicReference<FitProgress> pending = new AtomicReference<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private volatile FitJob job;

    /** A runner that changes its properties through {@code ui}. */
    public FitJobRunner(UiExecutor ui) {
        this.ui = ui;
    }

    /**
     * Starts a fit of {@code config}; call on the UI thread. Clears the previous run's progress,
     * result and error.
     *
     * @throws IllegalStateException while another fit is running or paused
     */
    public void start(FitConfig config) {
        if (state.get().active()) {
            throw new IllegalStateException("a fit is already " + state.get().name().toLowerCase(Locale.ROOT) + "; stop it first");
        }
        history.clear();
        result.set(null);
        error.set(null);
        iteration.set(0);
        maxIterations.set(config.maxIterations());
        evaluations.set(0);
        elapsedSeconds.set(0);
        bestLoss.set(Double.NaN);
        progress.set(null);
        pending.set(null);
        state.set(State.RUNNING);
        FitJob started;
        try {
            started = new FitJob(config);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        job = started;
        // On the compute pool rather than the job's own thread: there it runs at low priority.
        CompletableFuture.supplyAsync(() -> started.run(p -> offer(started, p)), BackgroundTasks.computeExecutor())
                .whenComplete((r, e) -> ui.execute(() -> complete(started, r, e)));
    }

    /** Pauses the running fit after its current round; the state follows once the job has paused. */
    public void pause() {
        FitJob j = job;
        if (j != null && state.get() == State.RUNNING) {
            j.pause();
        }
    }

    /** Resumes a paused fit where it stopped. */
    public void resume() {
        FitJob j = job;
        if (j != null && state.get() == State.PAUSED) {
            j.resume();
            state.set(State.RUNNING);
        }
    }

    /** Stops the fit after its current round; the result then holds the best point so far. */
    public void cancel() {
        FitJob j = job;
        if (j != null && state.get().active()) {
            j.cancel();
        }
    }

    /** The current or last job (to simulate its best point), or null before the first start. */
    public FitJob job() {
        return job;
    }

    private void offer(FitJob source, FitProgress progress) {
        pending.set(progress);
        if (updateQueued.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateQueued.set(false);
                FitProgress newest = pending.getAndSet(null);
                if (newest != null && source == job && state.get().active()) {
                    apply(newest);
                }
            });
        }
    }

    private void apply(FitProgress p) {
        iteration.set(p.iteration());
        maxIterations.set(p.maxIterations());
        evaluations.set(p.evaluations());
        elapsedSeconds.set(p.elapsedSeconds());
        bestLoss.set(p.bestLoss());
        appendNewHistory(p.history());
        progress.set(p);
        if ("paused".equals(p.state())) {
            state.set(State.PAUSED);
        } else if ("running".equals(p.state()) && state.get() == State.PAUSED) {
            state.set(State.RUNNING);
        }
    }

    private void appendNewHistory(List<FitResult.HistoryPoint> all) {
        // Snapshots carry the whole history; only the new tail is added, so listeners see appends.
        if (all.size() > history.size()) {
            history.addAll(all.subList(history.size(), all.size()));
        }
    }

    private void complete(FitJob source, FitResult r, Throwable e) {
        if (source != job) {
            return;
        }
        if (e != null) {
            fail(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            return;
        }
        iteration.set(r.iterations());
        evaluations.set(r.evaluations());
        elapsedSeconds.set(r.wallSeconds());
        bestLoss.set(r.loss());
        appendNewHistory(r.history());
        result.set(r);
        state.set(StopReason.CANCELLED.equals(r.stopReason()) ? State.CANCELLED : State.FINISHED);
    }

    private void fail(Throwable e) {
        error.set(e);
        state.set(State.FAILED);
    }

    /** Where the fit stands. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** Completed optimizer rounds. */
    public ReadOnlyIntegerProperty iterationProperty() {
        return iteration;
    }

    /** The iteration budget of the current fit. */
    public ReadOnlyIntegerProperty maxIterationsProperty() {
        return maxIterations;
    }

    /** Loss evaluations so far (one per candidate and round). */
    public ReadOnlyLongProperty evaluationsProperty() {
        return evaluations;
    }

    /** Wall time of the fit in seconds. */
    public ReadOnlyDoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    /** Best loss so far; NaN before the first round. */
    public ReadOnlyDoubleProperty bestLossProperty() {
        return bestLoss;
    }

    /** The best loss after each completed round, appended as rounds complete; read-only for callers. */
    public ObservableList<FitResult.HistoryPoint> history() {
        return readOnlyHistory;
    }

    /** The outcome of the last fit once it finished or was cancelled; null otherwise. */
    public ReadOnlyObjectProperty<FitResult> resultProperty() {
        return result;
    }

    /**
     * The newest snapshot applied (best point, every start's loss and point); null before the
     * first round of a fit. Changes at the same throttled rate as the other properties.
     */
    public ReadOnlyObjectProperty<FitProgress> progressProperty() {
        return progress;
    }

    /** Why the last fit failed; null unless the state is {@link State#FAILED}. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error;
    }
}
