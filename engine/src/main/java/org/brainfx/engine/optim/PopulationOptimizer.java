package org.brainfx.engine.optim;

import java.util.Arrays;

/**
 * The ask/tell bookkeeping shared by the gradient-free methods: each generation is proposed in the
 * unit cube, asked in parameter units, and told back with diverged candidates ranked worst
 * ({@code +Infinity}).
 */
abstract class PopulationOptimizer implements Optimizer {

    /** Generations a convergence test must keep passing before the method stops, so one flat generation is not enough. */
    static final int STALL_GENERATIONS = 10;

    protected final Bounds bounds;
    private final String name;
    private final EvaluationTally tally;
    private double[][] proposed;
    private double[][] asked;
    private double[] generationLosses;
    private boolean told = true;
    private int generations;
    private boolean finished;
    private int stalled;

    PopulationOptimizer(String name, Bounds bounds) {
        this.name = name;
        this.bounds = bounds;
        this.tally = new EvaluationTally(bounds.dimension());
    }

    /** The next generation's candidates, in the unit cube. */
    protected abstract double[][] propose();

    /**
     * Takes the losses of the proposed candidates (non-finite ones already replaced by
     * {@code +Infinity}) and returns whether the method's convergence test passes this generation.
     */
    protected abstract boolean absorb(double[][] candidates, double[] losses);

    /** Whether this test passing once is enough to stop (a step-size collapse), rather than {@link #STALL_GENERATIONS} times. */
    protected boolean stopsAtOnce() {
        return false;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean needsGradient() {
        return false;
    }

    @Override
    public final double[][] ask() {
        if (finished) {
            return new double[0][];
        }
        if (told) {
            proposed = propose();
            asked = new double[proposed.length][];
            for (int i = 0; i < proposed.length; i++) {
                asked[i] = bounds.fromUnit(proposed[i]);
            }
            generationLosses = new double[proposed.length];
            Arrays.fill(generationLosses, Double.NaN);
            told = false;
        }
        return InitialPoints.copy(asked);
    }

    @Override
    public final void tell(double[] loss, double[][] gradient) {
        EvaluationTally.checkResults(name, told ? null : asked, loss, gradient, false);
        double[] ranked = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            boolean usable = tally.record(asked[i], loss[i], true);
            ranked[i] = usable ? loss[i] : Double.POSITIVE_INFINITY;
        }
        generationLosses = ranked.clone();
        told = true;
        generations++;
        boolean converged = absorb(proposed, ranked);
        stalled = converged ? stalled + 1 : 0;
        finished = converged && (stopsAtOnce() || stalled >= STALL_GENERATIONS);
    }

    @Override
    public final boolean finished() {
        return finished;
    }

    @Override
    public final int iteration() {
        return generations;
    }

    @Override
    public final long evaluations() {
        return tally.evaluations();
    }

    @Override
    public final long divergedEvaluations() {
        return tally.diverged();
    }

    @Override
    public final double[] bestPoint() {
        return tally.bestPoint();
    }

    @Override
    public final double bestLoss() {
        return tally.bestLoss();
    }

    /** By default the last asked proposed and its losses ({@code +Infinity} diverged, NaN not yet told). */
    @Override
    public double[] currentLosses() {
        ensureGeneration();
        return generationLosses.clone();
    }

    @Override
    public double[][] currentPoints() {
        ensureGeneration();
        return InitialPoints.copy(asked);
    }

    /** Whether every finite loss in {@code losses} lies within the relative {@code tolerance} of the smallest, and none is infinite. */
    static boolean collapsed(double[] losses, double tolerance) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double l : losses) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        return Double.isFinite(max) && LocalSearch.relativeChangeBelow(min, max, tolerance);
    }

    private void ensureGeneration() {
        if (asked == null) {
            ask();
        }
    }
}
