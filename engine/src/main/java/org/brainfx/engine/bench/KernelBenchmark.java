package org.brainfx.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.grad.Bptt;
import org.brainfx.engine.grad.TrajectoryLoss;
import org.brainfx.engine.loss.TraceMse;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.SweepInput;

/**
 * Measures lane-steps per second of the compiled kernels (forward, and forward+backward
 * through {@link Bptt}), the hand-written HH loop they are held against, compile times, and the
 * reference's five-trace HH simulation. Each figure is the median of several timed repetitions
 * after warm-up.
 */
public final class KernelBenchmark {
    private static final double DT = 0.025;
    private final long laneStepsPerRun;
    private final int repetitions;

    /**
     * @param laneStepsPerRun work of one timed repetition (lanes × steps)
     * @param repetitions     timed repetitions per figure (after two warm-up runs)
     */
    public KernelBenchmark(long laneStepsPerRun, int repetitions) {
        this.laneStepsPerRun = laneStepsPerRun;
        this.repetitions = repetitions;
    }

    /** Progress callback: a line of text per finished figure. */
    public interface Progress {
        /** Reports one finished measurement. */
        void report(String line);
    }

    /**
     * Runs the whole benchmark.
     *
     * @param hhInputNa the reference's five HH input traces in nA (dt 0.01 ms)
     */
    public BenchReport run(int[] laneCounts, double[][] hhInputNa, Progress progress) {
        Map<String, Double> compileMillis = new LinkedHashMap<>();
        // Pay Janino's own start-up once, as an application does at launch.
        ModelCompiler.compile(ModelLibrary.get("lif"));
        List<BenchReport.Result> results = new ArrayList<>();
        for (String name : ModelLibrary.names()) {
            ModelSpec spec = ModelLibrary.get(name);
            // The compile time reported is a whole compile (Janino included), not a cache hit.
            ModelCompiler.forgetCompiledKernels(false);
            CompiledModel m = ModelCompiler.compile(spec);
            ModelCompiler.forgetCompiledKernels(true);
            compileMillis.put(name, m.compileMillis());
            for (int lanes : laneCounts) {
                double fwd = forwardRate(m, lanes);
                double fb = forwardBackwardRate(m, lanes);
                results.add(new BenchReport.Result(name, lanes, fwd, fb));
                progress.report(String.format("%-11s %6d lanes  forward %8.2f M lane-steps/s  forward+backward %8.2f M lane-steps/s",
                        name, lanes, fwd / 1e6, fb / 1e6));
            }
        }
        CompiledModel hh = ModelCompiler.compile(ModelLibrary.get("hh"));
        List<BenchReport.HandWritten> hand = new ArrayList<>();
        for (int lanes : laneCounts) {
            double rate = handWrittenRate(lanes);
            double compiled = compiledSingleThreadRate(hh, lanes);
            hand.add(new BenchReport.HandWritten(lanes, rate, compiled));
            progress.report(String.format("HH on one thread %6d lanes  hand-written %8.2f, compiled %8.2f M lane-steps/s",
                    lanes, rate / 1e6, compiled / 1e6));
        }
        double fiveTrace = fiveTraceMillis(hh, hhInputNa);
        progress.report(String.format("HH, five reference traces (5 × %d steps): %.3f ms", hhInputNa[0].length, fiveTrace));
        return new BenchReport(results, hand, compileMillis, fiveTrace, null, null);
    }

    private int stepsFor(int lanes) {
        return (int) Math.max(50, laneStepsPerRun / lanes);
    }

    private static InputSource current(double amplitude) {
        return (t, in, from, to) -> {
            for (double[] row : in) {
                Arrays.fill(row, from, to, amplitude);
            }
        };
    }

    private double forwardRate(CompiledModel m, int lanes) {
        int steps = stepsFor(lanes);
        LaneValues lv = LaneValues.defaults(m, lanes);
        Simulator sim = new Simulator(m);
        InputSource in = current(0.5);
        double ms = median(i -> sim.run(lv, in, steps, DT, List.of()));
        return (double) lanes * steps / (ms / 1e3);
    }

    private double forwardBackwardRate(CompiledModel m, int lanes) {
        int steps = stepsFor(lanes);
        LaneValues lv = LaneValues.defaults(m, lanes);
        double[] target = new double[steps];
        Arrays.fill(target, m.checked().states().get(0).value());
        TrajectoryLoss loss = new TraceMse(0, new double[][] {target}, new int[lanes], 1, steps);
        Bptt bptt = new Bptt(m);
        InputSource in = current(0.5);
        double ms = median(i -> bptt.gradient(lv, in, steps, DT, loss));
        return (double) lanes * steps / (ms / 1e3);
    }

    private double handWrittenRate(int lanes) {
        int steps = stepsFor(lanes);
        HandWrittenHh hh = new HandWrittenHh(0.008363657201143428, 24.697737655778038, 5.814895041093182,
                -55.31094455202257);
        double[] in = new double[lanes];
        Arrays.fill(in, 0.5);
        double ms = median(i -> {
            double[] v = new double[lanes];
            Arrays.fill(v, -65);
            double[] mg = new double[lanes];
            double[] h = new double[lanes];
            double[] n = new double[lanes];
            for (int t = 0; t < steps; t++) {
                hh.step(v, mg, h, n, in, DT, 0, lanes);
            }
            if (Double.isNaN(v[0])) {
                throw new IllegalStateException("hand-written HH diverged");
            }
        });
        return (double) lanes * steps / (ms / 1e3);
    }

    private double compiledSingleThreadRate(CompiledModel m, int lanes) {
        int steps = stepsFor(lanes);
        StepKernel k = m.kernel();
        LaneValues lv = LaneValues.defaults(m, lanes);
        double[][] in = new double[1][lanes];
        Arrays.fill(in[0], 0.5);
        double[][] inv = new double[k.invariantCount()][lanes];
        k.prepare(lv.parameters(), DT, inv, 0, lanes);
        double[] spike = new double[lanes];
        double ms = median(i -> {
            double[][] s = lv.copy().initial();
            double[][] next = new double[s.length][lanes];
            for (int t = 0; t < steps; t++) {
                k.forward(s, lv.parameters(), inv, in, DT, next, spike, 0, lanes);
                double[][] swap = s;
                s = next;
                next = swap;
            }
            if (Double.isNaN(s[0][0])) {
                throw new IllegalStateException("compiled HH diverged");
            }
        });
        return (double) lanes * steps / (ms / 1e3);
    }

    private double fiveTraceMillis(CompiledModel m, double[][] inputNa) {
        Simulator sim = new Simulator(m);
        LaneValues lv = LaneValues.defaults(m, inputNa.length);
        SweepInput in = SweepInput.tiled(inputNa, 1, 0);
        int steps = in.steps();
        // Many short runs: take the median of 200 after warm-up, as a fit would call it repeatedly.
        for (int i = 0; i < 200; i++) {
            sim.run(lv, in, steps, 0.01, List.of("V"));
        }
        double[] t = new double[200];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            sim.run(lv, in, steps, 0.01, List.of("V"));
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private double median(IntConsumer run) {
        run.accept(-2);
        run.accept(-1);
        double[] t = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            run.accept(i);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
