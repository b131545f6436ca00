package org.brainfx.app.fit;

/**
 * The best parameters after an iteration, each as a fraction of its bounds (0 at the lower, 1 at
 * the upper bound) so parameters of different units share one axis.
 */
public record TrajectoryPoint(int iteration, double[] fractions) {
}
