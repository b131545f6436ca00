package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Differential evolution with SciPy's default strategy, best/1/bin: each member's mutant is
 * {@code best + F·(r0 − r1)} with F dithered uniformly in {@code [mutationMin, mutationMax]} once
 * per generation, binomial crossover with probability CR (one coordinate always from the mutant),
 * and greedy selection (a trial replaces its parent when not worse). The whole generation of
 * trials is asked at once, so selection is SciPy's "deferred" updating. The initial population is
 * a Latin hypercube (plus any explicit initial points). A mutant coordinate outside the box is
 * replaced by a uniform draw between the best member's coordinate and the violated bound, so the
 * search can close in on a bound.
 */
final class DifferentialEvolution extends PopulationOptimizer {

    private final SplittableRandom rng;
    private final double mutationMin;
    private final double mutationMax;
    private final double recombination;
    private final double lossTolerance;
    private final double[][] population;
    private final double[] energies;
    private boolean initialized;

    DifferentialEvolution(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        this("de", bounds, settings, rng);
    }

    /** DE reporting itself under {@code name}, as the search phase of another method. */
    DifferentialEvolution(String name, Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        super(name, bounds);
        int size = settings.populationOr(20);
        if (size < 3) {
            throw new IllegalArgumentException("differential evolution needs a population of at least 3, got " + size);
        }
        this.rng = rng;
        this.mutationMin = settings.mutationMin();
        this.mutationMax = settings.mutationMax();
        this.recombination = settings.recombination();
        this.lossTolerance = settings.lossTolerance();
        this.population = InitialPoints.of(bounds, settings.initialPoints(), size,
                StartSampling.LATIN_HYPERCUBE, rng);
        this.energies = new double[size];
        Arrays.fill(energies, Double.NaN);
    }

    @Override
    protected double[][] propose() {
        if (!initialized) {
            return InitialPoints.copy(population);
        }
        int size = population.length;
        int n = population[0].length;
        int best = bestMember();
        double f = mutationMin + (mutationMax - mutationMin) * rng.nextDouble();
        double[][] trials = new double[size][n];
        for (int i = 0; i < size; i++) {
            int r0 = otherThan(i, -1);
            int r1 = otherThan(i, r0);
            int always = rng.nextInt(n);
            for (int j = 0; j < n; j++) {
                if (j == always || rng.nextDouble() < recombination) {
                    double mutant = population[best][j] + f * (population[r0][j] - population[r1][j]);
                    if (mutant > 1) {
                        mutant = population[best][j] + rng.nextDouble() * (1 - population[best][j]);
                    } else if (mutant < 0) {
                        mutant = population[best][j] * (1 - rng.nextDouble());
                    }
                    trials[i][j] = mutant;
                } else {
                    trials[i][j] = population[i][j];
                }
            }
        }
        return trials;
    }

    @Override
    protected boolean absorb(double[][] candidates, double[] losses) {
        if (!initialized) {
            initialized = true;
            System.arraycopy(losses, 0, energies, 0, losses.length);
        } else {
            for (int i = 0; i < population.length; i++) {
                if (losses[i] <= energies[i]) {
                    population[i] = candidates[i].clone();
                    energies[i] = losses[i];
                }
            }
        }
        return collapsed(energies, lossTolerance);
    }

    /** The population and its losses ({@code +Infinity} for diverged members, NaN before the first generation is told). */
    @Override
    public double[] currentLosses() {
        return energies.clone();
    }

    @Override
    public double[][] currentPoints() {
        double[][] points = new double[population.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = bounds.fromUnit(population[i]);
        }
        return points;
    }

    private int bestMember() {
        int best = 0;
        for (int i = 1; i < energies.length; i++) {
            if (energies[i] < energies[best]) {
                best = i;
            }
        }
        return best;
    }

    // A uniform member index different from i and from excluded (−1: no second exclusion).
    private int otherThan(int i, int excluded) {
        int choices = population.length - (excluded < 0 ? 1 : 2);
        int pick = rng.nextInt(choices);
        int lo = excluded < 0 ? i : Math.min(i, excluded);
        int hi = excluded < 0 ? Integer.MAX_VALUE : Math.max(i, excluded);
        if (pick >= lo) {
            pick++;
        }
        if (pick >= hi) {
            pick++;
        }
        return pick;
    }
}
