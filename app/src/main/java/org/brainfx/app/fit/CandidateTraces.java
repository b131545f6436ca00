package org.brainfx.app.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.brainfx.app.charts.MinMaxDecimator;
import org.brainfx.app.charts.SweepOverlay;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.job.FitProblem;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.NonFiniteStateException;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.SweepInput;

/**
 * The recorded and the model's voltage of the selected sweeps for the live chart, simulated and
 * decimated off the UI thread. Requests that arrive while one is computed replace each other, and
 * at most one result waits for the UI thread, so neither side can fall behind.
 */
public final class CandidateTraces {

    /**
     * What to draw.
     *
     * @param problem    the running fit's objective, to simulate {@code point}; null to simulate the
     *                   project with its own parameter values
     * @param point      the candidate's free parameters (model units); ignored without a problem
     * @param sweeps     sweep numbers to draw, in order
     * @param columns    pixel columns of the chart, for min/max decimation
     * @param modelLabel what the model trace is, for the legend
     */
    record Request(ResolvedProject project, FitProblem problem, double[] point, List<Integer> sweeps, int columns,
                   String modelLabel) { }

    private final Executor background;
    private final UiExecutor ui;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean computing = new AtomicBoolean();
    private final AtomicReference<SweepOverlay> ready = new AtomicReference<>();
    private final AtomicBoolean uiQueued = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<SweepOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");

    /** Traces computed on {@code background} and published through {@code ui}. */
    public CandidateTraces(Executor background, UiExecutor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Asks for the traces of {@code request}; replaces a request not yet started. */
    void request(Request request) {
        pending.set(request);
        if (computing.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Request r;
            while ((r = pending.getAndSet(null)) != null) {
                publish(compute(r));
            }
        } finally {
            computing.set(false);
        }
        // A request that arrived between the last poll and the reset above must not be stranded.
        if (pending.get() != null && computing.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    private void publish(SweepOverlay computed) {
        ready.set(computed);
        if (uiQueued.compareAndSet(false, true)) {
            ui.execute(() -> {
                uiQueued.set(false);
                SweepOverlay newest = ready.getAndSet(null);
                if (newest != null) {
                    overlay.set(newest);
                }
            });
        }
    }

    /** The traces of one request; a candidate whose simulation diverges is drawn without its model trace. */
    static SweepOverlay compute(Request r) {
        ResolvedProject project = r.project();
        CompiledModel model = project.model();
        String state = project.targetState() != null ? project.targetState() : project.record().get(0);
        Unit unit = model.checked().states().get(model.stateIndex(state)).unit();
        double perDeclared = unit.toInternalFactor();
        SimulationResult simulated;
        try {
            simulated = r.problem() != null && r.point() != null ? r.problem().simulate(r.point())
                    : new Simulator(model).run(project.initialLanes(1), SweepInput.tiled(project.stimulus(), 1,
                            project.input()), project.steps(), project.dt(), List.of(state));
        } catch (NonFiniteStateException e) {
            simulated = null;
        }
        double dt = project.dt();
        List<SweepOverlay.Sweep> sweeps = new ArrayList<>();
        for (int s : r.sweeps()) {
            if (s < 0 || s >= project.sweeps()) {
                continue;
            }
            double[][] target = project.target() == null ? null
                    : declared(MinMaxDecimator.decimate(firstSteps(project.target()[s], project.steps()), dt, dt,
                            r.columns()), perDeclared);
            double[][] fitted = simulated == null ? null
                    : declared(MinMaxDecimator.decimate(simulated.trace(state, s), dt, dt, r.columns()), perDeclared);
            sweeps.add(new SweepOverlay.Sweep(s, target, fitted));
        }
        String label = unit.isDimensionless() && unit.scale() == 1 ? state : state + " (" + unit.symbol() + ")";
        return new SweepOverlay(label, r.modelLabel(), List.copyOf(sweeps));
    }

    /** A target may run longer than the stimulus; the loss compares only the simulated steps. */
    private static double[] firstSteps(double[] trace, int steps) {
        return trace.length <= steps ? trace : Arrays.copyOf(trace, steps);
    }

    /** Scales decimated internal values to the declared unit in place (a positive factor keeps min and max). */
    private static double[][] declared(double[][] xy, double perDeclared) {
        double[] y = xy[1];
        for (int k = 0; k < y.length; k++) {
            y[k] /= perDeclared;
        }
        return xy;
    }

    /** The newest traces, replaced as requests complete; null before the first. */
    public ReadOnlyObjectProperty<SweepOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }
}
