package org.brainfx.engine.optim;

/**
 * One start of a multi-start gradient method, as a state machine in the unit cube: it proposes one
 * trial point at a time and is told the loss and gradient there.
 */
interface LocalSearch {

    /** The next point to evaluate (unit cube); meaningless once {@link #finished()}. */
    double[] trialPoint();

    /** The loss (non-finite when the evaluation diverged) and unit-cube gradient at {@link #trialPoint()}. */
    void report(double loss, double[] gradient);

    /** As {@link #report(double, double[])}, with a gradient that is partial (see {@link Optimizer#tell(double[], double[][], boolean[])}). */
    default void report(double loss, double[] gradient, boolean partialGradient) {
        report(loss, gradient);
    }

    /** Whether this start has converged or given up. */
    boolean finished();

    /** How this start ended, or {@link Outcome#RUNNING}. */
    default Outcome outcome() {
        return finished() ? Outcome.CONVERGED : Outcome.RUNNING;
    }

    /** How a start ended. */
    enum Outcome {
        /** Still searching. */
        RUNNING,
        /** Met the method's convergence test (projected gradient or loss change below tolerance). */
        CONVERGED,
        /** Gave up: no step along its search direction, nor along steepest descent, lowered the loss. */
        STALLED,
        /** Its start point's loss or gradient was not finite. */
        DIVERGED
    }

    /** Accepted steps so far. */
    int iterations();

    /** The loss at the current iterate; NaN before the start point was evaluated (or if it diverged). */
    double currentLoss();

    /** The current iterate (unit cube). */
    double[] currentPoint();

    /** Largest component of the gradient projected onto the box at {@code x} (both in the unit cube). */
    static double projectedGradientNorm(double[] x, double[] g) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double pg = g[i] < 0 ? Math.max(x[i] - 1, g[i]) : Math.min(x[i], g[i]);
            norm = Math.max(norm, Math.abs(pg));
        }
        return norm;
    }

    /** Whether the loss moved from {@code before} to {@code after} by no more than {@code tolerance} relative to its size. */
    static boolean relativeChangeBelow(double before, double after, double tolerance) {
        double scale = Math.max(Math.max(Math.abs(before), Math.abs(after)), Double.MIN_NORMAL);
        return Math.abs(before - after) <= tolerance * scale;
    }
}
