package org.brainfx.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart of a fit's progress: the best loss so far against iteration (left) and against wall
 * time (right), sharing one logarithmic loss axis.
 */
public final class LossChart {
    /** Width in pixels that gives both panels room. */
    public static final int WIDTH = 1200;
    /** Height in pixels. */
    public static final int HEIGHT = 520;
    private static final Color LINE = ResultChartStyle.colour(0);
    private static final float LINE_WIDTH = 2f;

    private LossChart() {
    }

    /**
     * Builds the chart; rounds whose best loss is not yet finite (every candidate diverged) are left out.
     *
     * @param history  the best loss after each round of the fit
     * @param title    the chart's title
     * @param subtitle a line under the title, e.g. the optimizer and the stop reason
     */
    public static JFreeChart create(List<FitResult.HistoryPoint> history, String title, String subtitle) {
        List<FitResult.HistoryPoint> drawn = history.stream().filter(h -> Double.isFinite(h.bestLoss())).toList();
        double[][] byIteration = new double[2][drawn.size()];
        double[][] bySeconds = new double[2][drawn.size()];
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            FitResult.HistoryPoint h = drawn.get(i);
            double loss = Math.max(h.bestLoss(), ResultChartStyle.LOSS_FLOOR);
            byIteration[0][i] = h.iteration();
            byIteration[1][i] = loss;
            bySeconds[0][i] = h.seconds();
            bySeconds[1][i] = loss;
            losses.add(loss);
        }
        LogAxis lossAxis = ResultChartStyle.logAxis("Best loss", losses);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(lossAxis);
        plot.setGap(24);
        NumberAxis iterations = ResultChartStyle.axis("Iteration");
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iterations.setAutoRangeIncludesZero(true);
        plot.add(panel(byIteration, iterations), 1);
        NumberAxis seconds = ResultChartStyle.axis("Wall time (s)");
        seconds.setAutoRangeIncludesZero(true);
        plot.add(panel(bySeconds, seconds), 1);
        return ResultChartStyle.chart(plot, title, subtitle, null);
    }

    /**
     * Builds a two-panel chart of the best loss against iteration and against wall time that
     * redraws whenever either series changes, for watching a fit live; its log axis follows the data.
     *
     * @param byIteration points (iteration, best loss), each loss already positive and finite
     * @param bySeconds   points (wall time in s, best loss)
     * @param labels      title, iteration axis, time axis and loss axis labels, in that order
     */
    public static JFreeChart live(XYSeries byIteration, XYSeries bySeconds, List<String> labels) {
        // No values yet: the axis keeps auto-ranging, which a live curve needs; integer units in
        // log space put ticks on whole decades only, 1, 2, 5 … decades apart as the range grows.
        LogAxis loss = ResultChartStyle.logAxis(labels.get(3), List.of());
        loss.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(loss);
        plot.setGap(16);
        NumberAxis iterations = ResultChartStyle.axis(labels.get(1));
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iterations.setAutoRangeIncludesZero(true);
        plot.add(panel(new XYSeriesCollection(byIteration), iterations), 1);
        NumberAxis seconds = ResultChartStyle.axis(labels.get(2));
        seconds.setAutoRangeIncludesZero(true);
        plot.add(panel(new XYSeriesCollection(bySeconds), seconds), 1);
        return ResultChartStyle.chart(plot, labels.get(0), null, null);
    }

    /** Spans the loss axis of a {@link #live} chart over whole decades from {@code min} to {@code max}, so it always has labels. */
    public static void spanLosses(JFreeChart liveChart, double min, double max) {
        if (liveChart.getXYPlot().getRangeAxis() instanceof LogAxis axis) {
            ResultChartStyle.spanDecades(axis, List.of(drawable(min), drawable(max)));
        }
    }

    /** Clamps a loss to the smallest value a log loss axis draws, so a zero loss stays on the chart. */
    public static double drawable(double loss) {
        return Math.max(loss, ResultChartStyle.LOSS_FLOOR);
    }

    private static XYPlot panel(double[][] series, NumberAxis domain) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("best loss", series);
        return panel(data, domain);
    }

    private static XYPlot panel(XYDataset data, NumberAxis domain) {
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, ResultChartStyle.line(LINE_WIDTH));
        XYPlot p = new XYPlot(data, domain, null, renderer);
        ResultChartStyle.stylePanel(p);
        return p;
    }
}
