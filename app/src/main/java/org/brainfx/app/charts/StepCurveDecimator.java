package org.brainfx.app.charts;

import java.util.Arrays;
import java.util.List;
import org.brainfx.engine.job.FitResult;

/**
 * Thins a best-loss-so-far curve for drawing: per pixel column of the time axis it keeps the
 * first and the last round, so the drawn steps keep their shape while a run of thousands of
 * rounds becomes at most two points per column.
 */
public final class StepCurveDecimator {

    private StepCurveDecimator() {
    }

    /**
     * The points {@code (seconds, best loss)} to draw; rounds whose best loss is not yet finite are
     * left out, and losses are clamped to what a log axis draws.
     *
     * @param spanSeconds the time the axis spans (rounds beyond it fall into the last column)
     * @param columns     pixel columns the axis spans
     * @return {@code {x[], y[]}}, the form {@code DefaultXYDataset} takes
     */
    public static double[][] decimate(List<FitResult.HistoryPoint> history, double spanSeconds, int columns) {
        if (columns < 1 || !(spanSeconds > 0)) {
            throw new IllegalArgumentException("need at least 1 column over a positive span, got " + columns
                    + " columns over " + spanSeconds + " s");
        }
        double[] xs = new double[history.size()];
        double[] ys = new double[xs.length];
        int count = 0;
        int lastColumn = -1;
        boolean columnHasTwo = false;
        for (FitResult.HistoryPoint h : history) {
            if (!Double.isFinite(h.bestLoss())) {
                continue;
            }
            int column = (int) Math.min(columns - 1, Math.max(0, Math.floor(h.seconds() / spanSeconds * columns)));
            if (column != lastColumn || !columnHasTwo) {
                columnHasTwo = column == lastColumn;
                lastColumn = column;
                count++;
            }
            // Same column, already two points: the newer round replaces the column's last point.
            xs[count - 1] = h.seconds();
            ys[count - 1] = LossChart.drawable(h.bestLoss());
        }
        return new double[][] {Arrays.copyOf(xs, count), Arrays.copyOf(ys, count)};
    }
}
