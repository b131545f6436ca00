package org.brainfx.engine.optim;

import java.util.SplittableRandom;

/**
 * Random search: every generation is a fresh batch of points drawn uniformly or as a Latin
 * hypercube over the whole box (the first batch led by any explicit initial points); only the best
 * point is kept. It never converges; the caller's budget ends it.
 */
final class RandomSearch extends PopulationOptimizer {

    private final SplittableRandom rng;
    private final OptimizerSettings settings;
    private final int size;
    private boolean first = true;

    RandomSearch(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        super("random", bounds);
        this.rng = rng;
        this.settings = settings;
        this.size = settings.populationOr(20);
    }

    @Override
    protected double[][] propose() {
        double[][] initial = first ? settings.initialPoints() : new double[0][];
        first = false;
        return InitialPoints.of(bounds, initial, size, settings.startSampling(), rng);
    }

    @Override
    protected boolean absorb(double[][] candidates, double[] losses) {
        return false;
    }
}
