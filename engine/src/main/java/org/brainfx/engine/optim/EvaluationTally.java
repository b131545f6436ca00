package org.brainfx.engine.optim;

import java.util.Arrays;

/** Counts the evaluations of one optimizer run, the diverged ones among them, and keeps the best point seen. */
final class EvaluationTally {
    private long evaluations;
    private long diverged;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double[] bestPoint;

    EvaluationTally(int dimension) {
        bestPoint = new double[dimension];
        Arrays.fill(bestPoint, Double.NaN);
    }

    /** Records the loss of {@code point} (parameter units); returns whether it is usable (finite). */
    boolean record(double[] point, double loss, boolean gradientFinite) {
        evaluations++;
        if (!Double.isFinite(loss) || !gradientFinite) {
            diverged++;
            return false;
        }
        if (loss < bestLoss) {
            bestLoss = loss;
            bestPoint = point.clone();
        }
        return true;
    }

    long evaluations() {
        return evaluations;
    }

    long diverged() {
        return diverged;
    }

    double bestLoss() {
        return bestLoss;
    }

    double[] bestPoint() {
        return bestPoint.clone();
    }

    /** Checks that a tell matches its ask, naming the optimizer and what is wrong. */
    static void checkResults(String optimizer, double[][] asked, double[] loss, double[][] gradient,
                             boolean needsGradient) {
        if (asked == null) {
            throw new IllegalStateException(optimizer + ": tell() called without a pending ask()");
        }
        if (loss == null || loss.length != asked.length) {
            throw new IllegalArgumentException(optimizer + ": expected " + asked.length + " losses for the asked points, got "
                    + (loss == null ? "null" : String.valueOf(loss.length)));
        }
        if (!needsGradient) {
            return;
        }
        if (gradient == null || gradient.length != asked.length) {
            throw new IllegalArgumentException(optimizer + ": expected " + asked.length + " gradients for the asked points, got "
                    + (gradient == null ? "null" : String.valueOf(gradient.length)));
        }
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] == null || gradient[i].length != asked[i].length) {
                throw new IllegalArgumentException(optimizer + ": gradient of candidate " + i + " must have "
                        + asked[i].length + " components, got "
                        + (gradient[i] == null ? "null" : String.valueOf(gradient[i].length)));
            }
        }
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
