package org.brainfx.app.charts;

import java.awt.Paint;
import java.util.List;
import org.brainfx.engine.job.FitConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * An optimizer race drawn while it runs: best loss so far against wall time, one curve per run in
 * its optimizer's colour, a log loss axis that follows the data, a time axis spanning the budget,
 * and the target loss as a dashed line. Each optimizer keeps its colour from race to race.
 */
public final class LiveCompareChart {
    private static final float LINE_WIDTH = 1.8f;
    private final DefaultXYDataset data = new DefaultXYDataset();
    private final XYStepRenderer renderer = new XYStepRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final NumberAxis seconds;
    private final LogAxis loss;
    private double lowest = Double.POSITIVE_INFINITY;
    private double highest = Double.NEGATIVE_INFINITY;

    /**
     * An empty chart.
     *
     * @param title     the chart's title
     * @param subtitle  the line under the title until the first race
     * @param timeLabel the time axis label, with its unit
     * @param lossLabel the loss axis label
     */
    public LiveCompareChart(String title, String subtitle, String timeLabel, String lossLabel) {
        seconds = ResultChartStyle.axis(timeLabel);
        seconds.setAutoRangeIncludesZero(true);
        loss = ResultChartStyle.logAxis(lossLabel, List.of());
        // Until the first curve, some whole decades: auto-ranging an empty log axis labels 10^-0.2 and the like.
        ResultChartStyle.spanDecades(loss, 1e-2, 1e2);
        plot = new XYPlot(data, seconds, loss, renderer);
        ResultChartStyle.stylePanel(plot);
        chart = ResultChartStyle.chart(plot, title, subtitle, legend(FitConfig.OPTIMIZERS));
    }

    /** The chart, for a viewer or an export. */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Clears the curves for a new race of {@code optimizers}.
     *
     * @param budgetSeconds each run's wall-time budget; the time axis spans it
     * @param target        the target loss drawn as a line, or null for none
     * @param subtitle      the line under the title, e.g. the budget and repeats
     */
    public void reset(List<String> optimizers, double budgetSeconds, Double target, String subtitle) {
        chart.setNotify(false);
        try {
            while (data.getSeriesCount() > 0) {
                data.removeSeries(data.getSeriesKey(data.getSeriesCount() - 1));
            }
            renderer.clearSeriesPaints(false);
            renderer.clearSeriesStrokes(false);
            plot.setFixedLegendItems(legend(optimizers));
            plot.clearRangeMarkers();
            lowest = Double.POSITIVE_INFINITY;
            highest = Double.NEGATIVE_INFINITY;
            if (target != null) {
                plot.addRangeMarker(CompareChart.targetLine(target), Layer.BACKGROUND);
                include(new double[] {target});
            }
            // Runs end at the first round past the budget, a little after it.
            seconds.setRange(0, budgetSeconds * 1.05);
            for (Object t : chart.getSubtitles()) {
                if (t instanceof TextTitle text) {
                    text.setText(subtitle);
                }
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * Draws or replaces one run's curve.
     *
     * @param run       the run's key, unique within the race, e.g. "de #2"
     * @param optimizer the run's optimizer, which picks the colour
     * @param points    {@code {seconds[], bestLoss[]}}, losses positive
     */
    public void show(String run, String optimizer, double[][] points) {
        int index = data.indexOf(run);
        if (index < 0) {
            index = data.getSeriesCount();
            renderer.setSeriesPaint(index, paint(optimizer), false);
            renderer.setSeriesStroke(index, ResultChartStyle.line(LINE_WIDTH), false);
        }
        include(points[1]);
        data.addSeries(run, points);
    }

    /**
     * Widens the loss axis to whole decades around every loss drawn and the target, so it always
     * carries labelled decades (auto-ranging would show a span of less than one with no label at all).
     */
    private void include(double[] losses) {
        double lo = lowest;
        double hi = highest;
        for (double v : losses) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo <= hi && (Math.floor(Math.log10(lo)) != Math.floor(Math.log10(lowest))
                || Math.ceil(Math.log10(hi)) != Math.ceil(Math.log10(highest)))) {
            ResultChartStyle.spanDecades(loss, lo, hi);
        }
        lowest = lo;
        highest = hi;
    }

    /** Number of runs drawn. */
    public int runCount() {
        return data.getSeriesCount();
    }

    private static Paint paint(String optimizer) {
        int i = Math.max(0, FitConfig.OPTIMIZERS.indexOf(optimizer));
        return ResultChartStyle.colour(i);
    }

    private static LegendItemCollection legend(List<String> optimizers) {
        LegendItemCollection legend = new LegendItemCollection();
        for (String name : optimizers) {
            legend.add(ResultChartStyle.legendItem(name, paint(name), LINE_WIDTH));
        }
        return legend;
    }
}
