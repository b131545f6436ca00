package org.brainfx.engine.compile;

/**
 * A compiled simulation step over a range of lanes, generated per model. Arrays are
 * structure-of-arrays: {@code s[state][lane]}, {@code p[parameter][lane]}, {@code in[input][lane]},
 * {@code inv[invariant][lane]}. Implementations loop over lanes without allocating.
 *
 * <p>A run calls {@link #prepare} once (the per-lane values that depend only on parameters and
 * {@code dt}), then {@link #forward} every step; a gradient pass then calls {@link #backward}
 * every step in reverse and {@link #finish} once to pass the invariants' gradients on to the
 * parameters.
 */
public abstract class StepKernel {

    /** Number of hoisted invariants (rows of {@code inv}). */
    public abstract int invariantCount();

    /** Computes the invariants of lanes {@code from..to-1} from their parameters. */
    public abstract void prepare(double[][] p, double dt, double[][] inv, int from, int to);

    /**
     * One step forward: reads states {@code s}, writes the next states into {@code next} and the
     * output spike (0 or 1) into {@code spike}.
     */
    public abstract void forward(double[][] s, double[][] p, double[][] inv, double[][] in, double dt,
                                 double[][] next, double[] spike, int from, int to);

    /**
     * True when this kernel has the SIMD pair {@link #forwardSimd} / {@link #forwardSimdScalar} (the JVM
     * runs with {@code jdk.incubator.vector} and the model uses no {@code pow}, {@code log} or {@code tanh}).
     */
    public boolean hasSimd() {
        return false;
    }

    /**
     * {@link #forward} over SIMD vectors of lanes, the last partial vector by {@link #forwardSimdScalar};
     * bit for bit equal to {@link #forwardSimdScalar} over the same lanes, and to {@link #forward} within a
     * few ulps. Until the JIT has compiled it, far slower than the scalar methods (each vector operation
     * is then an object): callers run {@link #forwardSimdScalar} until it is warm.
     */
    public void forwardSimd(double[][] s, double[][] p, double[][] inv, double[][] in, double dt,
                            double[][] next, double[] spike, int from, int to) {
        forward(s, p, inv, in, dt, next, spike, from, to);
    }

    /** {@link #forwardSimd}'s arithmetic one lane at a time (its exponential {@code KernelMath.expArith}). */
    public void forwardSimdScalar(double[][] s, double[][] p, double[][] inv, double[][] in, double dt,
                                  double[][] next, double[] spike, int from, int to) {
        forward(s, p, inv, in, dt, next, spike, from, to);
    }

    /**
     * The step's vector–Jacobian product: given {@code adjNext} (dL/d next state) and
     * {@code adjSpike} (dL/d output spike) writes dL/d previous state into {@code adjPrev} and
     * dL/d input into {@code gradIn}, and adds dL/d parameter into {@code gradP} and dL/d
     * invariant into {@code gradInv}.
     */
    public abstract void backward(double[][] s, double[][] p, double[][] inv, double[][] in, double dt,
                                  double[][] adjNext, double[] adjSpike, double[][] adjPrev, double[][] gradP,
                                  double[][] gradInv, double[][] gradIn, int from, int to);

    /** Adds the parameters' share of the accumulated invariant gradients {@code gradInv} into {@code gradP}. */
    public abstract void finish(double[][] p, double dt, double[][] gradInv, double[][] gradP, int from, int to);
}
