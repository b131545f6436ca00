package org.brainfx.engine.job;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.data.SpikeDetector;
import org.brainfx.engine.grad.Bptt;
import org.brainfx.engine.grad.GradientResult;
import org.brainfx.engine.grad.TrajectoryLoss;
import org.brainfx.engine.loss.Feature;
import org.brainfx.engine.loss.FeatureLoss;
import org.brainfx.engine.loss.GammaLoss;
import org.brainfx.engine.loss.SpikeTimeLoss;
import org.brainfx.engine.loss.TraceMse;
import org.brainfx.engine.loss.WeightedLoss;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.SweepInput;

/**
 * The objective of a fit: candidate parameter vectors (in the free parameters' own units) →
 * loss, and gradient. All candidates of a batch and all sweeps run as lanes of one pass
 * (lane = candidate × sweeps + sweep). A candidate's loss is the sum over sweeps of its terms:
 * the voltage MSE averaged over sampled points and sweeps (the reference's "potential" loss),
 * spike-count, van Rossum and gamma terms summed over sweeps (the gamma term as the reference does).
 */
public final class FitProblem {
    private final FitConfig config;
    private final ResolvedProject project;
    private final CompiledModel model;
    private final int sweeps;
    private final int steps;
    private final Bptt bptt;

    /** The objective of a configured fit. */
    public FitProblem(FitConfig config) {
        this.config = config;
        this.project = config.project();
        this.model = project.model();
        this.sweeps = project.sweeps();
        this.steps = project.steps();
        this.bptt = new Bptt(model).lenient(true);
    }

    /** Number of free parameters. */
    public int dimension() {
        return config.free().size();
    }

    /** Lower bounds of the free parameters, model units. */
    public double[] lower() {
        return config.free().stream().mapToDouble(FreeParameter::lower).toArray();
    }

    /** Upper bounds of the free parameters, model units. */
    public double[] upper() {
        return config.free().stream().mapToDouble(FreeParameter::upper).toArray();
    }

    /**
     * Loss of each candidate (NaN where its simulation diverged), and into {@code gradient}
     * (if not null) the loss's gradient with respect to each free parameter in its own unit.
     */
    public double[] evaluate(double[][] x, double[][] gradient) {
        return evaluate(x, gradient, null);
    }

    /**
     * As {@link #evaluate(double[][], double[][])}, and into {@code partial} (if not null) whether
     * each candidate's gradient is partial: some sweep kept its loss but its adjoint overflowed
     * (see {@link Bptt#lenient}), so that sweep passed no gradient.
     */
    public double[] evaluate(double[][] x, double[][] gradient, boolean[] partial) {
        int c = x.length;
        if (c == 0) {
            return new double[0];
        }
        LaneValues lanes = lanesFor(x);
        TrajectoryLoss loss = loss(c * sweeps);
        SweepInput input = SweepInput.tiled(project.stimulus(), c, project.input());
        double[] laneLoss;
        if (gradient == null) {
            laneLoss = bptt.loss(lanes, input, steps, project.dt(), loss);
        } else {
            GradientResult g = bptt.gradient(lanes, input, steps, project.dt(), loss);
            laneLoss = g.loss();
            for (int k = 0; k < c; k++) {
                if (partial != null) {
                    partial[k] = false;
                    for (int s = 0; s < sweeps; s++) {
                        partial[k] |= g.gradientDropped()[k * sweeps + s];
                    }
                }
                for (int d = 0; d < dimension(); d++) {
                    FreeParameter fp = config.free().get(d);
                    double sum = 0;
                    for (int s = 0; s < sweeps; s++) {
                        sum += g.gradParameters()[fp.index()][k * sweeps + s];
                    }
                    gradient[k][d] = sum * fp.toInternal();
                }
            }
        }
        double[] out = new double[c];
        for (int k = 0; k < c; k++) {
            double sum = 0;
            for (int s = 0; s < sweeps; s++) {
                sum += laneLoss[k * sweeps + s];
            }
            out[k] = sum;
        }
        return out;
    }

    /** The loss of one point, per sweep. */
    public double[] perSweep(double[] x) {
        LaneValues lanes = lanesFor(new double[][] {x});
        return bptt.loss(lanes, SweepInput.tiled(project.stimulus(), 1, project.input()), steps,
                project.dt(), loss(sweeps));
    }

    /** Simulates every sweep at one point, recording the target state (or the project's recorded states). */
    public SimulationResult simulate(double[] x) {
        List<String> record = project.targetState() == null ? project.record() : List.of(project.targetState());
        return new Simulator(model).run(lanesFor(new double[][] {x}), SweepInput.tiled(project.stimulus(), 1,
                project.input()), steps, project.dt(), record);
    }

    /**
     * Root-mean-square difference between a simulation of this problem (from {@link #simulate})
     * and the target over every sample of every sweep, internal units: a loss-independent measure
     * of how close a fit is, comparable across loss settings (sub-sampling, weights, spike terms).
     */
    public double rmse(SimulationResult fitted) {
        double sum = 0;
        for (double r : rmsePerSweep(fitted)) {
            sum += r * r;
        }
        return Math.sqrt(sum / sweeps);
    }

    /** The root-mean-square difference from the target on each sweep, internal units. */
    public double[] rmsePerSweep(SimulationResult fitted) {
        double[] out = new double[sweeps];
        for (int s = 0; s < sweeps; s++) {
            double[] fit = fitted.trace(project.targetState(), s);
            double[] target = project.target()[s];
            double sum = 0;
            for (int k = 0; k < fitted.steps(); k++) {
                double d = fit[k] - target[k];
                sum += d * d;
            }
            out[s] = Math.sqrt(sum / fitted.steps());
        }
        return out;
    }

    /** A window given as [start, end] ms, in steps clipped to the run; the default when null. */
    private int[] steps(List<Double> windowMs, int defaultFrom, int defaultTo) {
        if (windowMs == null) {
            return new int[] {defaultFrom, defaultTo};
        }
        int from = (int) Math.max(0, Math.min(steps, Math.round(windowMs.get(0) / project.dt())));
        int to = (int) Math.max(from, Math.min(steps, Math.round(windowMs.get(1) / project.dt())));
        return new int[] {from, to};
    }

    private LaneValues lanesFor(double[][] x) {
        LaneValues lanes = project.initialLanes(x.length);
        for (int k = 0; k < x.length; k++) {
            for (int d = 0; d < dimension(); d++) {
                FreeParameter fp = config.free().get(d);
                double v = x[k][d] * fp.toInternal();
                for (int s = 0; s < sweeps; s++) {
                    lanes.setParameter(fp.index(), k * sweeps + s, v);
                }
            }
        }
        return lanes;
    }

    /**
     * Each loss term's value on each sweep at one point, in the order of the fit's terms (keys
     * like {@code mse} or {@code ap_peak#2} when a kind repeats).
     */
    public java.util.Map<String, double[]> termLosses(double[] x) {
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        LaneValues lanes = lanesFor(new double[][] {x});
        SweepInput input = SweepInput.tiled(project.stimulus(), 1, project.input());
        for (int i = 0; i < config.losses().size(); i++) {
            FitSettings.LossTerm t = config.losses().get(i);
            String key = out.containsKey(t.kind()) ? t.kind() + "#" + (i + 1) : t.kind();
            out.put(key, bptt.loss(lanes, input, steps, project.dt(), loss(sweeps, List.of(t))));
        }
        return out;
    }

    private TrajectoryLoss loss(int laneCount) {
        return loss(laneCount, config.losses());
    }

    private TrajectoryLoss loss(int laneCount, List<FitSettings.LossTerm> termSettings) {
        int[] sweepOfLane = new int[laneCount];
        for (int l = 0; l < laneCount; l++) {
            sweepOfLane[l] = l % sweeps;
        }
        int state = model.stateIndex(project.targetState());
        List<TrajectoryLoss> terms = new ArrayList<>();
        for (FitSettings.LossTerm t : termSettings) {
            double w = t.weight() == null ? 1 : t.weight();
            switch (t.kind()) {
                case "mse" -> {
                    int every = t.every() != null ? t.every()
                            : t.divisions() != null ? Math.max(1, steps / t.divisions()) : 1;
                    double[] sweepWeights = t.sweepWeights() == null ? null
                            : t.sweepWeights().stream().mapToDouble(Double::doubleValue).toArray();
                    terms.add(new TraceMse(state, project.target(), sweepOfLane, every, steps, w / sweeps,
                            steps(t.window(), 0, steps), sweepWeights));
                }
                case "spike_count" -> terms.add(spikeTimes(SpikeTimeLoss.Kind.SPIKE_COUNT, state, sweepOfLane, 0,
                        new int[] {0, steps}, w));
                case "van_rossum" -> terms.add(spikeTimes(SpikeTimeLoss.Kind.VAN_ROSSUM, state, sweepOfLane,
                        t.tau() == null ? 10 : t.tau(), new int[] {0, steps}, w));
                case "first_spike_latency" -> terms.add(spikeTimes(SpikeTimeLoss.Kind.FIRST_SPIKE_LATENCY, state,
                        sweepOfLane, 0, steps(t.window(), 0, steps), w));
                case "gamma" -> terms.add(new GammaLoss(project.targetSpikes(), sweepOfLane, steps, project.dt(), 0.01, w));
                default -> terms.add(new FeatureLoss(Feature.of(t.kind()), state, project.target(), project.targetSpikes(),
                        project.stimulus(), sweepOfLane, steps(t.window(), 0, steps), steps(t.baseline(), 0, 0),
                        project.dt(), steps, w));
            }
        }
        return new WeightedLoss(terms);
    }

    /** A spike-train term on interpolated spike times, timed with the recording's spike detector threshold. */
    private TrajectoryLoss spikeTimes(SpikeTimeLoss.Kind kind, int state, int[] sweepOfLane, double tau, int[] window,
                                      double w) {
        Project.RecordingRef recording = project.project().recording();
        SpikeDetector.Settings detector = recording == null ? SpikeDetector.DEFAULT : recording.spikeSettings();
        return new SpikeTimeLoss(kind, state, project.target(), project.targetSpikes(), recording != null, sweepOfLane,
                steps, project.dt(), detector.dvdtMvPerMs(), tau, window, w);
    }
}
