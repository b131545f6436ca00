package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Global-best particle swarm optimization with Clerc's constriction constants (inertia 0.7298,
 * c1 = c2 = 1.49618 by default) in the unit cube: velocities are clamped to a quarter of the range
 * per coordinate, and a particle that leaves the box is put back on the bound it crossed with that
 * velocity component zeroed (absorbing walls), so a solution on a bound is reached exactly.
 * Initial positions are a Latin hypercube (plus any explicit initial points).
 */
final class ParticleSwarm extends PopulationOptimizer {

    private static final double MAX_VELOCITY = 0.25;

    private final SplittableRandom rng;
    private final double inertia;
    private final double acceleration;
    private final double lossTolerance;
    private final double[][] positions;
    private final double[][] velocities;
    private final double[][] personalBest;
    private final double[] personalBestLoss;
    private double[] globalBest;
    private double globalBestLoss = Double.POSITIVE_INFINITY;
    private boolean moved;

    ParticleSwarm(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        super("pso", bounds);
        int size = settings.populationOr(20);
        if (size < 2) {
            throw new IllegalArgumentException("particle swarm needs at least 2 particles, got " + size);
        }
        this.rng = rng;
        this.inertia = settings.inertia();
        this.acceleration = settings.acceleration();
        this.lossTolerance = settings.lossTolerance();
        this.positions = InitialPoints.of(bounds, settings.initialPoints(), size,
                StartSampling.LATIN_HYPERCUBE, rng);
        int n = bounds.dimension();
        this.velocities = new double[size][n];
        for (double[] v : velocities) {
            for (int j = 0; j < n; j++) {
                v[j] = MAX_VELOCITY * (2 * rng.nextDouble() - 1);
            }
        }
        this.personalBest = InitialPoints.copy(positions);
        this.personalBestLoss = new double[size];
        Arrays.fill(personalBestLoss, Double.POSITIVE_INFINITY);
        this.globalBest = positions[0].clone();
    }

    @Override
    protected double[][] propose() {
        if (moved) {
            for (int i = 0; i < positions.length; i++) {
                double[] x = positions[i];
                double[] v = velocities[i];
                for (int j = 0; j < x.length; j++) {
                    double vj = inertia * v[j]
                            + acceleration * rng.nextDouble() * (personalBest[i][j] - x[j])
                            + acceleration * rng.nextDouble() * (globalBest[j] - x[j]);
                    vj = Math.max(-MAX_VELOCITY, Math.min(MAX_VELOCITY, vj));
                    double xj = x[j] + vj;
                    if (xj < 0 || xj > 1) {
                        xj = xj < 0 ? 0 : 1;
                        vj = 0;
                    }
                    x[j] = xj;
                    v[j] = vj;
                }
            }
        }
        moved = true;
        return InitialPoints.copy(positions);
    }

    @Override
    protected boolean absorb(double[][] candidates, double[] losses) {
        for (int i = 0; i < losses.length; i++) {
            if (losses[i] < personalBestLoss[i]) {
                personalBestLoss[i] = losses[i];
                personalBest[i] = candidates[i].clone();
            }
            if (losses[i] < globalBestLoss) {
                globalBestLoss = losses[i];
                globalBest = candidates[i].clone();
            }
        }
        return collapsed(personalBestLoss, lossTolerance);
    }
}
