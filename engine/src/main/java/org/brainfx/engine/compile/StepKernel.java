package org.brainfx.engine.compile;

/**
 * A compiled simulation step over a range of lanes, generated per model. Arrays are
 * structure-of-arrays: {@code s[state][lane]}, {@code p[parameter][lane]}, {@code in[input][lane]}.
 * Implementations loop over lanes without allocating.
 */
public abstract class StepKernel {

    /**
     * One step forward: reads states {@code s}, writes the next states into {@code next} and the
     * output spike (0 or 1) into {@code spike}, for lanes {@code from} (inclusive) to {@code to}.
     */
    public abstract void forward(double[][] s, double[][] p, double[][] in, double dt,
                                 double[][] next, double[] spike, int from, int to);

    /**
     * The step's vector–Jacobian product: given {@code adjNext} (dL/d next state) and
     * {@code adjSpike} (dL/d output spike) writes dL/d previous state into {@code adjPrev} and
     * dL/d input into {@code gradIn}, and adds dL/d parameter into {@code gradP}.
     */
    public abstract void backward(double[][] s, double[][] p, double[][] in, double dt,
                                  double[][] adjNext, double[] adjSpike,
                                  double[][] adjPrev, double[][] gradP, double[][] gradIn, int from, int to);
}
