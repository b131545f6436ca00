package org.brainfx.app.charts;

import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every start's (or population member's) current loss, best first, as dots on a log axis: how
 * many starts are near the best, and how far the rest lag. {@link #show} updates in place.
 */
public final class StartLossChart {
    private final XYSeries losses = new XYSeries("loss", false, true);
    private final JFreeChart chart;
    private final LogAxis loss;
    private final NumberAxis rank;

    /**
     * An empty chart.
     *
     * @param title     the chart's title
     * @param rankLabel the horizontal axis label (starts ranked best first)
     * @param lossLabel the loss axis label
     */
    public StartLossChart(String title, String rankLabel, String lossLabel) {
        rank = ResultChartStyle.axis(rankLabel);
        rank.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        loss = ResultChartStyle.logAxis(lossLabel, List.of());
        loss.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, ResultChartStyle.colour(0));
        dots.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        XYPlot plot = new XYPlot(new XYSeriesCollection(losses), rank, loss, dots);
        ResultChartStyle.stylePanel(plot);
        chart = ResultChartStyle.chart(plot, title, null, null);
    }

    /** The chart, for a viewer. */
    public JFreeChart chart() {
        return chart;
    }

    /** Shows {@code sorted} (ascending, finite) as ranks 1…n; null or empty clears the chart. */
    public void show(double[] sorted) {
        // One redraw for the whole update: clearing, re-ranging and refilling each redraw the chart otherwise.
        chart.setNotify(false);
        try {
            fill(sorted);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(double[] sorted) {
        losses.clear();
        if (sorted != null && sorted.length > 0) {
            for (int i = 0; i < sorted.length; i++) {
                losses.add(i + 1, LossChart.drawable(sorted[i]), false);
            }
            ResultChartStyle.spanDecades(loss, List.of(LossChart.drawable(sorted[0]),
                    LossChart.drawable(sorted[sorted.length - 1])));
            // Half a rank of room either side, so the first and last dots are not cut by the frame.
            rank.setRange(0.5, sorted.length + 0.5);
        }
    }

    /** Number of dots drawn. */
    public int count() {
        return losses.getItemCount();
    }
}
