package org.brainfx.engine.optim;

/**
 * An ask/tell optimizer over a batch of candidate points: it asks for a whole set of points, which
 * the caller evaluates as the lanes of one simulation pass, and is told all their losses at once.
 *
 * <p>Implementations are pure state machines (no threads, no clocks, randomness only from the seed
 * they were created with), so the caller owns budgets, pausing and cancelling. A candidate whose
 * simulation diverged is reported with a loss of NaN or infinity; the optimizer survives it and
 * counts it in {@link #divergedEvaluations()}.
 */
public interface Optimizer {

    /** The method's short name: {@code lbfgsb}, {@code adam}, {@code basin}, {@code hybrid}, {@code de}, {@code pso}, {@code cmaes} or {@code random}. */
    String name();

    /**
     * Whether {@link #tell} needs the loss gradient of every candidate; it may change from one ask to
     * the next (the hybrid starts gradient-free), so callers check it for every ask.
     */
    boolean needsGradient();

    /**
     * The points to evaluate next, {@code [candidate][dimension]} in parameter units, all inside the
     * bounds; an empty array when the optimizer has finished. Calling it again before {@link #tell}
     * returns the same points.
     */
    double[][] ask();

    /**
     * The results for the points of the last {@link #ask}, in the same order.
     *
     * @param loss     one loss per candidate; NaN or infinity marks a diverged candidate
     * @param gradient {@code [candidate][dimension]} derivatives of the loss with respect to the
     *                 parameters (in parameter units); {@code null} for gradient-free methods
     */
    void tell(double[] loss, double[][] gradient);

    /**
     * As {@link #tell(double[], double[][])}, saying which candidates' gradients are partial: part
     * of their loss (say a sweep whose adjoint overflowed) passed no gradient, so the gradient
     * steers but cannot show a minimum. Methods with a gradient test for convergence override it.
     */
    default void tell(double[] loss, double[][] gradient, boolean[] partialGradient) {
        tell(loss, gradient);
    }

    /** Whether the method has converged to its tolerance or has nothing left to do. */
    boolean finished();

    /**
     * Whether a {@link #finished()} method ended by meeting its convergence test, rather than by
     * giving up (every start of a gradient method stuck with a failed line search, or diverged):
     * only then may a fit call itself converged.
     */
    default boolean converged() {
        return finished();
    }

    /**
     * Completed iterations: for a multi-start gradient method the steps of its slowest running start
     * (so a budget of N iterations gives every start N steps); for a population method, generations.
     */
    int iteration();

    /** Points evaluated so far. */
    long evaluations();

    /** Evaluations that came back as NaN or infinity. */
    long divergedEvaluations();

    /** The best point seen so far (NaN-filled before the first finite loss). */
    double[] bestPoint();

    /** The lowest finite loss seen so far ({@code +Infinity} before the first). */
    double bestLoss();

    /**
     * The current loss of each start (multi-start) or population member: NaN where not yet evaluated
     * (or where a start's own starting point diverged), {@code +Infinity} for a diverged member.
     */
    double[] currentLosses();

    /** The points that belong to {@link #currentLosses()}, {@code [start or member][dimension]}. */
    double[][] currentPoints();
}
