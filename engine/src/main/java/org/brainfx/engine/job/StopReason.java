package org.brainfx.engine.job;

/**
 * Why a fit stopped, as {@link FitResult#stopReason()} writes it: one short word or phrase each,
 * so programs can match them and the workbench can explain them.
 */
public final class StopReason {
    /** The optimizer met its own convergence test (gradient or step below tolerance, population collapsed). */
    public static final String CONVERGED = "converged";
    /**
     * The best loss stopped improving for {@link FitJob#STALL_ROUNDS} rounds (or half the fit's rounds) before the optimizer
     * converged, or the optimizer gave up without meeting its convergence test (the best start of a
     * gradient method found no step that lowered the loss).
     */
    public static final String STALLED = "stalled";
    /** The iteration budget was used up. */
    public static final String ITERATION_BUDGET = "iteration budget";
    /** The evaluation budget was used up. */
    public static final String EVALUATION_BUDGET = "evaluation budget";
    /** The wall-time budget was used up. */
    public static final String TIME_BUDGET = "time budget";
    /** The best loss reached the target loss. */
    public static final String TARGET_LOSS = "target loss reached";
    /** The user stopped it. */
    public static final String CANCELLED = "cancelled";

    private StopReason() {
    }

    /** True when the fit used up one of its budgets (iterations, evaluations, time). */
    public static boolean budgetUsed(String reason) {
        return ITERATION_BUDGET.equals(reason) || EVALUATION_BUDGET.equals(reason) || TIME_BUDGET.equals(reason);
    }
}
