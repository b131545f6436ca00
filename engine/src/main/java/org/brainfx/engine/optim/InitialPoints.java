package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The first points of a run — starts or an initial population — in the unit cube. */
final class InitialPoints {

    private InitialPoints() {
    }

    /**
     * {@code count} unit-cube points: all drawn by {@code sampling}, then the first ones replaced by
     * the {@code explicit} points (parameter units), so giving explicit points never shifts the draws.
     */
    static double[][] of(Bounds bounds, double[][] explicit, int count, StartSampling sampling, SplittableRandom rng) {
        if (explicit.length > count) {
            throw new IllegalArgumentException(explicit.length + " initial points given for only " + count
                    + " starts or members; raise the count or pass fewer points");
        }
        double[][] points = sampling.sample(count, bounds.dimension(), rng);
        for (int i = 0; i < explicit.length; i++) {
            if (!bounds.contains(explicit[i])) {
                throw new IllegalArgumentException("initial point " + i + " " + Arrays.toString(explicit[i])
                        + " lies outside " + bounds);
            }
            points[i] = bounds.toUnit(explicit[i]);
        }
        return points;
    }

    /** A deep copy, so callers can never alter an optimizer's state through what it handed out. */
    static double[][] copy(double[][] points) {
        double[][] c = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            c[i] = points[i].clone();
        }
        return c;
    }

    /**
     * The points to start from after screening: the explicit ones (first in {@code screened}), then the
     * drawn ones of lowest {@code loss} (NaN and infinite losses last), {@code count} in all.
     */
    static double[][] bestScreened(double[][] screened, double[] loss, int explicitCount, int count) {
        Integer[] order = new Integer[screened.length - explicitCount];
        for (int i = 0; i < order.length; i++) {
            order[i] = explicitCount + i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(finiteOrWorst(loss[i]), finiteOrWorst(loss[j])));
        double[][] chosen = new double[count][];
        for (int i = 0; i < count; i++) {
            chosen[i] = i < explicitCount ? screened[i] : screened[order[i - explicitCount]];
        }
        return chosen;
    }

    private static double finiteOrWorst(double loss) {
        return Double.isFinite(loss) ? loss : Double.POSITIVE_INFINITY;
    }
}
