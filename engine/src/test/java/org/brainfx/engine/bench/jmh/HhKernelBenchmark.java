package org.brainfx.engine.bench.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.brainfx.engine.bench.HandWrittenHh;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.LaneValues;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one Hodgkin–Huxley step over all lanes — the compiled forward and reverse kernels and
 * the same forward step written by hand — on one thread. Run with
 * {@code mvn -pl engine -Pjmh test-compile exec:exec}; divide the scores by the lane count for
 * nanoseconds per lane-step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HhKernelBenchmark {
    private static final double DT = 0.025;

    @Param({"1000"})
    int lanes;

    private StepKernel kernel;
    private double[][] params;
    private double[][] inv;
    private double[][] in;
    private double[][] state;
    private double[][] next;
    private double[] spike;
    private double[][] adjNext;
    private double[][] adjPrev;
    private double[] adjSpike;
    private double[][] gradP;
    private double[][] gradInv;
    private double[][] gradIn;
    private HandWrittenHh hand;
    private double[] v;
    private double[] m;
    private double[] h;
    private double[] n;

    /** Compiles the model and fills every lane with a depolarized state so the gates are busy. */
    @Setup
    public void setUp() {
        CompiledModel model = ModelCompiler.compile(ModelLibrary.get("hh"));
        kernel = model.kernel();
        LaneValues lv = LaneValues.defaults(model, lanes);
        params = lv.parameters();
        inv = new double[kernel.invariantCount()][lanes];
        kernel.prepare(params, DT, inv, 0, lanes);
        in = new double[1][lanes];
        Arrays.fill(in[0], 0.5);
        state = new double[][] {filled(-55), filled(0.1), filled(0.6), filled(0.3)};
        next = new double[4][lanes];
        spike = new double[lanes];
        adjNext = new double[][] {filled(1e-3), filled(0), filled(0), filled(0)};
        adjPrev = new double[4][lanes];
        adjSpike = new double[lanes];
        gradP = new double[model.parameterCount()][lanes];
        gradInv = new double[kernel.invariantCount()][lanes];
        gradIn = new double[1][lanes];
        hand = new HandWrittenHh(0.008363657201143428, 24.697737655778038, 5.814895041093182, -55.31094455202257);
        v = filled(-55);
        m = filled(0.1);
        h = filled(0.6);
        n = filled(0.3);
    }

    private double[] filled(double value) {
        double[] a = new double[lanes];
        Arrays.fill(a, value);
        return a;
    }

    /** The compiled forward step. */
    @Benchmark
    public double[][] compiledForward() {
        kernel.forward(state, params, inv, in, DT, next, spike, 0, lanes);
        return next;
    }

    /** The compiled reverse (vector–Jacobian) step. */
    @Benchmark
    public double[][] compiledBackward() {
        kernel.backward(state, params, inv, in, DT, adjNext, adjSpike, adjPrev, gradP, gradInv, gradIn, 0, lanes);
        return adjPrev;
    }

    /** The same forward step written by hand (updates in place, so the state drifts; its cost does not). */
    @Benchmark
    public double[] handWrittenForward() {
        hand.step(v, m, h, n, in[0], DT, 0, lanes);
        return v;
    }
}
