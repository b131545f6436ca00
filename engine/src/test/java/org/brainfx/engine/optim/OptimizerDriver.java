package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fit loop in miniature: ask, evaluate every candidate, tell, until finished or out of iterations. */
final class OptimizerDriver {

    /** What a run produced: the per-tell snapshots of {@link Optimizer#currentLosses()} and {@link Optimizer#currentPoints()}. */
    record Run(Optimizer optimizer, List<double[]> losses, List<double[][]> points, List<double[][]> asked) {
    }

    private OptimizerDriver() {
    }

    /** Runs {@code optimizer} on {@code objective}, checking that every asked point lies inside {@code bounds}. */
    static Run run(Optimizer optimizer, TestObjective objective, Bounds bounds, int maxIterations) {
        List<double[]> losses = new ArrayList<>();
        List<double[][]> points = new ArrayList<>();
        List<double[][]> asked = new ArrayList<>();
        int tells = 0;
        while (!optimizer.finished() && optimizer.iteration() < maxIterations && tells < 50 * maxIterations + 1000) {
            double[][] x = optimizer.ask();
            if (x.length == 0) {
                break;
            }
            double[] loss = new double[x.length];
            double[][] gradient = optimizer.needsGradient() ? new double[x.length][] : null;
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                assertTrue(bounds.contains(xi), () -> optimizer.name() + " asked " + Arrays.toString(xi) + " outside " + bounds);
                loss[i] = objective.value(xi);
                if (gradient != null) {
                    gradient[i] = objective.gradient(xi);
                }
            }
            optimizer.tell(loss, gradient);
            tells++;
            asked.add(x);
            losses.add(optimizer.currentLosses());
            points.add(optimizer.currentPoints());
        }
        return new Run(optimizer, losses, points, asked);
    }

    static Bounds box(int dimension, double lower, double upper) {
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return new Bounds(lo, hi);
    }
}
