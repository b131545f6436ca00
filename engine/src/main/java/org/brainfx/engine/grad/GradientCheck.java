package org.brainfx.engine.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.loss.TraceMse;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.NonFiniteStateException;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;

/**
 * Checks reverse-mode gradients against fourth-order central finite differences, for every
 * trainable parameter and every initial state, on a subthreshold and a spiking step-current
 * protocol. On the spiking protocol the reset is detached, so the reverse gradient is the exact
 * derivative with the spike times held — what finite differences measure as long as no spike
 * moves; a step that moves a spike is shrunk until none does.
 */
public final class GradientCheck {
    /** Default tolerance on the relative error. */
    public static final double TOLERANCE = 1e-6;
    static final double DT = 0.02;
    static final int STEPS = 2500;
    private static final double[] AMPLITUDES = ladder();

    private GradientCheck() {
    }

    /** One compared derivative. */
    public record Check(String model, String integrator, String protocol, String variable, double reverse,
                        double finiteDifference, double relError, double tolerance) {
        /** True when within tolerance. */
        public boolean passed() {
            return relError <= tolerance;
        }
    }

    /** Checks a model with its own integrator. */
    public static List<Check> run(ModelSpec spec) {
        return run(spec, spec.integrator());
    }

    /** Checks a model with the given integrator, on each protocol the model supports. */
    public static List<Check> run(ModelSpec spec, String integrator) {
        ModelSpec sub = spec.withIntegrator(integrator);
        // Detached, so the reverse pass differentiates the trajectory with its spike times held
        // (the surrogate path has its own test against an independent implementation).
        ModelSpec detached = new ModelSpec(sub.name(), sub.description(), sub.states(), sub.parameters(),
                sub.constants(), sub.inputs(), sub.definitions(), sub.equations(), sub.spike(), sub.resets(),
                sub.after(), sub.surrogate(), integrator, sub.update(), true);
        CompiledModel m = ModelCompiler.compile(detached);
        List<Check> out = new ArrayList<>();
        double[] amps = classify(m);
        out.addAll(check(m, integrator, "subthreshold", amps[0]));
        if (m.hasSpike() && !Double.isNaN(amps[1])) {
            out.addAll(check(m, integrator, "spiking", amps[1]));
        }
        return out;
    }

    /**
     * The largest ladder amplitude below the first one that spikes, and the smallest giving at
     * least three spikes (NaN if none); the scan stops where the model diverges.
     */
    private static double[] classify(CompiledModel m) {
        double sub = 0;
        double spiking = Double.NaN;
        double firstSpiking = Double.NaN;
        for (double a : AMPLITUDES) {
            int spikes;
            try {
                SimulationResult r = new Simulator(m).run(LaneValues.defaults(m, 1), constant(m, a), STEPS, DT, List.of());
                spikes = r.spikeCount(0);
            } catch (NonFiniteStateException e) {
                break;
            }
            if (spikes == 0 && Double.isNaN(firstSpiking)) {
                sub = a;
            } else if (spikes > 0 && Double.isNaN(firstSpiking)) {
                firstSpiking = a;
            }
            if (spikes >= 3 && Double.isNaN(spiking)) {
                spiking = a;
            }
        }
        return new double[] {sub, spiking};
    }

    private static double[] ladder() {
        double[] a = new double[28];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.002 * Math.pow(2, i / 2.0);
        }
        return a;
    }

    private static InputSource constant(CompiledModel m, double amplitude) {
        return (step, in, from, to) -> {
            for (double[] row : in) {
                // Held off for the first tenth so the protocol has a step edge.
                Arrays.fill(row, from, to, step < STEPS / 10 ? 0 : amplitude);
            }
        };
    }

    private static List<Check> check(CompiledModel m, String integrator, String protocol, double amplitude) {
        InputSource input = constant(m, amplitude);
        LaneValues base = LaneValues.defaults(m, 1);
        GradientResult g = new Bptt(m).gradient(base, input, STEPS, DT, sharedTarget(m));
        List<Check> out = new ArrayList<>();
        for (int p : m.trainableIndices()) {
            double theta = base.parameters()[p][0];
            double[] fd = finiteDifference(m, base, input, h -> base.copy().setParameter(p, theta + h), theta);
            out.add(compare(m, integrator, protocol, "param " + m.parameterNames().get(p), g.gradParameters()[p][0], fd,
                    g.loss()[0], theta));
        }
        for (int s = 0; s < m.stateCount(); s++) {
            int si = s;
            double x0 = base.initial()[s][0];
            double[] fd = finiteDifference(m, base, input, h -> base.copy().setInitial(si, x0 + h), x0);
            out.add(compare(m, integrator, protocol, "initial " + m.stateNames().get(s), g.gradInitialState()[s][0], fd,
                    g.loss()[0], x0));
        }
        return out;
    }

    private static TrajectoryLoss sharedTarget(CompiledModel m) {
        return new TraceMse(0, new double[][] {flat(m.checked().states().get(0).value())}, new int[1], 1, STEPS);
    }

    private static double[] flat(double v) {
        double[] t = new double[STEPS];
        Arrays.fill(t, v);
        return t;
    }

    /** Produces lane values with one coordinate moved by {@code h}. */
    private interface Perturbation {
        LaneValues at(double h);
    }

    /**
     * Fourth-order central differences at steps 1e-2 … 1e-7 of the variable's scale; the
     * estimate taken is the one where successive steps agree best (the plateau between
     * truncation error at large steps and round-off at small ones). Steps that move a spike
     * are skipped. NaN when no two usable steps exist.
     */
    private static double[] finiteDifference(CompiledModel m, LaneValues base, InputSource input, Perturbation moved,
                                             double x) {
        double scale = Math.max(Math.abs(x), 1e-2);
        int[] baseSpikes = new Simulator(m).run(base, input, STEPS, DT, List.of()).spikeSteps()[0];
        List<Double> estimates = new ArrayList<>();
        for (int k = 2; k <= 7; k++) {
            double h = Math.pow(10, -k) * scale;
            double[] f = new double[4];
            double[] offsets = {2 * h, h, -h, -2 * h};
            boolean sameSpikes = true;
            // Spikes change the trajectory only through resets; without resets they are just marks.
            boolean resets = !m.checked().resets().isEmpty();
            try {
                for (int i = 0; i < 4 && sameSpikes; i++) {
                    LaneValues lv = moved.at(offsets[i]);
                    f[i] = new Bptt(m).loss(lv, input, STEPS, DT, sharedTarget(m))[0];
                    sameSpikes = !resets || Arrays.equals(
                            new Simulator(m).run(lv, input, STEPS, DT, List.of()).spikeSteps()[0], baseSpikes);
                }
            } catch (NonFiniteStateException e) {
                sameSpikes = false;
            }
            estimates.add(sameSpikes ? (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h) : Double.NaN);
        }
        double best = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < estimates.size(); i++) {
            double a = estimates.get(i);
            double b = estimates.get(i + 1);
            double gap = Math.abs(a - b);
            if (!Double.isNaN(gap) && gap < bestGap) {
                bestGap = gap;
                best = b;
            }
        }
        return new double[] {best, bestGap};
    }

    /**
     * Relative error of the reverse derivative beyond the finite difference's own measured
     * uncertainty (three times the disagreement of its two best successive steps); a
     * derivative too small to move the loss by 1e-4 of itself for a unit change of the variable
     * counts as that size, since finite differences cannot resolve it below their round-off.
     */
    private static Check compare(CompiledModel m, String integrator, String protocol, String variable, double rev,
                                 double[] fdAndGap, double loss, double x) {
        double fd = fdAndGap[0];
        double floor = 1e-4 * Math.abs(loss) / Math.max(Math.abs(x), 1e-2);
        double denom = Math.max(Math.max(Math.abs(rev), Math.abs(fd)), Math.max(floor, 1e-300));
        double excess = Math.max(0, Math.abs(rev - fd) - 3 * fdAndGap[1]);
        double err = Double.isNaN(fd) ? Double.POSITIVE_INFINITY : excess / denom;
        return new Check(m.name(), integrator, protocol, variable, rev, fd, err, TOLERANCE);
    }
}
