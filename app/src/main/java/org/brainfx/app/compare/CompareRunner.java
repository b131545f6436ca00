package org.brainfx.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.charts.StepCurveDecimator;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitProgress;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.StopReason;

/**
 * The UI's handle on one optimizer race at a time: runs every optimizer's repeats one after
 * another on a single background job and mirrors the race into observable properties on the UI
 * thread — which run is going, its best-loss curve as it grows, and a table row per optimizer as
 * soon as its repeats are done.
 *
 * <p>Runs never overlap: side by side on a machine with few cores, each run's wall time would
 * measure the others as much as itself. Curves arrive already coalesced by the engine (≤ 30 a
 * second) and decimated off the UI thread; at most one curve update is ever queued, and it shows
 * the newest, while each run's final curve is delivered on its own so no run loses its tail.
 */
public final class CompareRunner {

    /** Pixel columns a curve is decimated to; more than any screen gives a chart's time axis. */
    static final int CURVE_COLUMNS = 1000;

    /** Where a race stands. */
    public enum State {
        /** No race started yet. */
        IDLE,
        /** Runs are going. */
        RUNNING,
        /** Every run ended by its budget or convergence. */
        FINISHED,
        /** Stopped by the user; the rows hold the runs that finished. */
        CANCELLED,
        /** Ended by an exception; the error is set and the rows hold the runs that finished. */
        FAILED;

        /** True while runs are going. */
        public boolean active() {
            return this == RUNNING;
        }
    }

    /**
     * What to race: every optimizer {@code repeats} times with seeds {@code base.seed() + r}, each
     * run stopped by the wall-time budget or its own convergence — not by an iteration or
     * evaluation budget, nor at the target loss, so all get the same time.
     *
     * @param targetLoss loss for the time-to-target column (0: none)
     */
    public record Race(FitConfig base, List<String> optimizers, int repeats, double budgetSeconds, double targetLoss) {
        /** Validates the race. */
        public Race {
            optimizers = List.copyOf(optimizers);
            if (optimizers.isEmpty() || repeats < 1 || !(budgetSeconds > 0) || !(targetLoss >= 0)) {
                throw new IllegalArgumentException("a race needs an optimizer, at least one repeat, a budget above 0 s"
                        + " and a target loss ≥ 0; got " + optimizers + ", " + repeats + " repeats, " + budgetSeconds
                        + " s, target " + targetLoss);
            }
        }

        /** Number of runs. */
        public int runs() {
            return optimizers.size() * repeats;
        }

        /** The target loss, or null for none. */
        public Double target() {
            return targetLoss > 0 ? targetLoss : null;
        }

        /** The configuration of one run. */
        FitConfig config(String optimizer, int repeat) {
            FitConfig timed = base.with(null, null, Integer.MAX_VALUE, 0L, budgetSeconds, null, 0.0);
            return Comparison.repeatConfig(timed, optimizer, repeat);
        }
    }

    /**
     * One run's best-loss curve so far.
     *
     * @param run    the run's number in the race, from 1
     * @param repeat the repeat of its optimizer, from 1
     * @param points {@code {seconds[], bestLoss[]}}, decimated, losses positive
     * @param done   true for the run's final curve
     */
    public record RunCurve(int run, String optimizer, int repeat, double[][] points, boolean done) {
        /** A key naming the run in a chart, e.g. "de #2". */
        public String key() {
            return optimizer + " #" + repeat;
        }
    }

    private record Live(RunCurve curve, double seconds, double bestLoss) { }

    private final Executor background;
    private final UiExecutor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<Race> race = new ReadOnlyObjectWrapper<>(this, "race");
    private final ReadOnlyIntegerWrapper run = new ReadOnlyIntegerWrapper(this, "run");
    private final ReadOnlyStringWrapper optimizer = new ReadOnlyStringWrapper(this, "optimizer", "");
    private final ReadOnlyIntegerWrapper repeat = new ReadOnlyIntegerWrapper(this, "repeat");
    private final ReadOnlyDoubleWrapper runSeconds = new ReadOnlyDoubleWrapper(this, "runSeconds");
    private final ReadOnlyObjectWrapper<RunCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyBooleanWrapper stopRequested = new ReadOnlyBooleanWrapper(this, "stopRequested");
    private final ObservableList<Comparison.OptimizerSummary> rows = FXCollections.observableArrayList();
    // Held in a field: the wrapper listens to the backing list weakly and would lose its listeners if collected.
    private final ObservableList<Comparison.OptimizerSummary> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Comparison.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final AtomicReference<Live> pending = new AtomicReference<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile FitJob current;
    private int lastDoneRun;

    /** A runner that races on {@code background} and changes its properties through {@code ui}. */
    public CompareRunner(Executor background, UiExecutor ui) {
        this.background = background;
        this.ui = ui;
    }

    /**
     * Starts a race; call on the UI thread. Clears the previous race's rows, result and error.
     *
     * @throws IllegalStateException while another race is running
     */
    public void start(Race next) {
        if (state.get().active()) {
            throw new IllegalStateException("a race is already running; stop it first");
        }
        rows.clear();
        result.set(null);
        error.set(null);
        curve.set(null);
        run.set(0);
        repeat.set(0);
        optimizer.set("");
        runSeconds.set(0);
        lastDoneRun = 0;
        pending.set(null);
        cancelled = false;
        stopRequested.set(false);
        race.set(next);
        state.set(State.RUNNING);
        background.execute(() -> runRace(next));
    }

    /** Stops the race after the current round of the current run; finished runs keep their rows. */
    public void cancel() {
        if (!state.get().active()) {
            return;
        }
        cancelled = true;
        stopRequested.set(true);
        FitJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    private void runRace(Race r) {
        List<Comparison.OptimizerSummary> done = new ArrayList<>();
        int number = 0;
        try {
            for (String name : r.optimizers()) {
                List<FitResult> finished = new ArrayList<>();
                for (int k = 0; k < r.repeats() && !cancelled; k++) {
                    number++;
                    FitResult res = runOne(r, name, k, number);
                    if (StopReason.CANCELLED.equals(res.stopReason())) {
                        break;
                    }
                    finished.add(res);
                }
                if (!finished.isEmpty()) {
                    Comparison.OptimizerSummary row = summarize(name, finished, r.targetLoss());
                    done.add(row);
                    ui.execute(() -> rows.add(row));
                }
                if (cancelled) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            Comparison.Result partial = new Comparison.Result(List.copyOf(done), r.target());
            ui.execute(() -> {
                result.set(partial);
                error.set(e);
                state.set(State.FAILED);
            });
            return;
        } finally {
            current = null;
        }
        Comparison.Result all = new Comparison.Result(List.copyOf(done), r.target());
        boolean stopped = cancelled;
        ui.execute(() -> {
            result.set(all);
            state.set(stopped ? State.CANCELLED : State.FINISHED);
        });
    }

    private FitResult runOne(Race r, String name, int k, int number) {
        ui.execute(() -> {
            run.set(number);
            optimizer.set(name);
            repeat.set(k + 1);
            runSeconds.set(0);
        });
        FitJob job = new FitJob(r.config(name, k));
        current = job;
        if (cancelled) {
            job.cancel();
        }
        FitResult res = job.run(p -> offer(new Live(curve(number, name, k, p.history(), r, false), p.elapsedSeconds(),
                p.bestLoss())));
        current = null;
        RunCurve last = curve(number, name, k, res.history(), r, true);
        ui.execute(() -> {
            lastDoneRun = number;
            runSeconds.set(res.wallSeconds());
            curve.set(last);
        });
        return res;
    }

    private static RunCurve curve(int number, String name, int k, List<FitResult.HistoryPoint> history, Race r,
                                  boolean done) {
        return new RunCurve(number, name, k + 1, StepCurveDecimator.decimate(history, r.budgetSeconds(), CURVE_COLUMNS),
                done);
    }

    private static Comparison.OptimizerSummary summarize(String name, List<FitResult> runs, double targetLoss) {
        double[] loss = runs.stream().mapToDouble(FitResult::loss).toArray();
        double[] wall = runs.stream().mapToDouble(FitResult::wallSeconds).toArray();
        return Comparison.summarize(name, loss, wall, runs.stream().map(FitResult::history).toList(), targetLoss);
    }

    private void offer(Live live) {
        pending.set(live);
        if (updateQueued.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateQueued.set(false);
                Live newest = pending.getAndSet(null);
                // A run's final curve may already be shown; a late live one must not cut its tail off.
                if (newest != null && newest.curve().run() > lastDoneRun && state.get().active()) {
                    runSeconds.set(newest.seconds());
                    curve.set(newest.curve());
                }
            });
        }
    }

    /** Where the race stands. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The race running or last run; null before the first start. */
    public ReadOnlyObjectProperty<Race> raceProperty() {
        return race.getReadOnlyProperty();
    }

    /** The number of the current run, from 1 (0 before the first). */
    public ReadOnlyIntegerProperty runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The current run's optimizer. */
    public ReadOnlyStringProperty optimizerProperty() {
        return optimizer.getReadOnlyProperty();
    }

    /** The current run's repeat of its optimizer, from 1. */
    public ReadOnlyIntegerProperty repeatProperty() {
        return repeat.getReadOnlyProperty();
    }

    /** Wall time of the current run so far, in seconds. */
    public ReadOnlyDoubleProperty runSecondsProperty() {
        return runSeconds.getReadOnlyProperty();
    }

    /** The newest curve of some run: replace that run's curve with it. */
    public ReadOnlyObjectProperty<RunCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    /** True from Stop until the race has stopped. */
    public ReadOnlyBooleanProperty stopRequestedProperty() {
        return stopRequested.getReadOnlyProperty();
    }

    /** One row per optimizer whose runs are done, in race order; read-only for callers. */
    public ObservableList<Comparison.OptimizerSummary> rows() {
        return readOnlyRows;
    }

    /** The table once the race has ended (finished, stopped or failed); null while it runs. */
    public ReadOnlyObjectProperty<Comparison.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the race failed; null unless the state is {@link State#FAILED}. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
