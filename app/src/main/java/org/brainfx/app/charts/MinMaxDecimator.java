package org.brainfx.app.charts;

import java.util.Arrays;

/**
 * Thins a uniformly sampled trace for drawing: per pixel column it keeps the minimum and the
 * maximum sample in their time order, so a drawn line still reaches every peak and trough
 * (spikes stay visible) while a 10 000-sample sweep becomes at most two points per column.
 */
public final class MinMaxDecimator {

    private MinMaxDecimator() {
    }

    /**
     * The points to draw for samples {@code y[k]} at times {@code t0 + k·dt}.
     *
     * @param columns pixel columns the trace spans; a trace of at most {@code 2·columns} samples is kept whole
     * @return {@code {x[], y[]}}, the form {@code DefaultXYDataset} takes
     */
    public static double[][] decimate(double[] y, double t0, double dt, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        int n = y.length;
        if (n <= 2 * columns) {
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = t0 + k * dt;
            }
            return new double[][] {x, y.clone()};
        }
        double[] xs = new double[2 * columns];
        double[] ys = new double[2 * columns];
        int count = 0;
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) n * c / columns);
            int to = (int) ((long) n * (c + 1) / columns);
            int lo = from;
            int hi = from;
            for (int k = from + 1; k < to; k++) {
                if (y[k] < y[lo]) {
                    lo = k;
                }
                if (y[k] > y[hi]) {
                    hi = k;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            xs[count] = t0 + first * dt;
            ys[count++] = y[first];
            if (second != first) {
                xs[count] = t0 + second * dt;
                ys[count++] = y[second];
            }
        }
        return new double[][] {Arrays.copyOf(xs, count), Arrays.copyOf(ys, count)};
    }
}
