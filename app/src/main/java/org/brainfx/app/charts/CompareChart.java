package org.brainfx.app.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The chart of an optimizer race: best loss so far against wall time, one colour per optimizer
 * (every repeat drawn in it), a logarithmic loss axis and a dashed line at the target loss.
 */
public final class CompareChart {
    /** Width in pixels. */
    public static final int WIDTH = 1100;
    /** Height in pixels. */
    public static final int HEIGHT = 650;
    private static final float LINE_WIDTH = 1.8f;
    private static final Color TARGET = new Color(0x505050);

    private CompareChart() {
    }

    /**
     * Builds the chart; rounds whose best loss is not yet finite are left out.
     *
     * @param result   the comparison, with every repeat's history
     * @param title    the chart's title
     * @param subtitle a line under the title, e.g. the budget and number of repeats
     */
    public static JFreeChart create(Comparison.Result result, String title, String subtitle) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYStepRenderer renderer = new XYStepRenderer();
        LegendItemCollection legend = new LegendItemCollection();
        List<Double> losses = new ArrayList<>();
        if (result.target() != null) {
            losses.add(result.target());
        }
        for (int o = 0; o < result.optimizers().size(); o++) {
            Comparison.OptimizerSummary summary = result.optimizers().get(o);
            Paint paint = ResultChartStyle.colour(o);
            legend.add(ResultChartStyle.legendItem(summary.name(), paint, LINE_WIDTH));
            for (int r = 0; r < summary.histories().size(); r++) {
                int series = data.getSeriesCount();
                data.addSeries(summary.name() + " #" + (r + 1), curve(summary.histories().get(r), losses));
                renderer.setSeriesPaint(series, paint);
                renderer.setSeriesStroke(series, ResultChartStyle.line(LINE_WIDTH));
            }
        }
        NumberAxis seconds = ResultChartStyle.axis("Wall time (s)");
        seconds.setAutoRangeIncludesZero(true);
        LogAxis lossAxis = ResultChartStyle.logAxis("Best loss", losses);
        XYPlot plot = new XYPlot(data, seconds, lossAxis, renderer);
        ResultChartStyle.stylePanel(plot);
        if (result.target() != null) {
            plot.addRangeMarker(targetLine(result.target()), Layer.BACKGROUND);
        }
        return ResultChartStyle.chart(plot, title, subtitle, legend);
    }

    private static double[][] curve(List<FitResult.HistoryPoint> history, List<Double> losses) {
        List<FitResult.HistoryPoint> drawn = history.stream().filter(h -> Double.isFinite(h.bestLoss())).toList();
        double[][] xy = new double[2][drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            xy[0][i] = drawn.get(i).seconds();
            xy[1][i] = Math.max(drawn.get(i).bestLoss(), ResultChartStyle.LOSS_FLOOR);
            losses.add(xy[1][i]);
        }
        return xy;
    }

    /** Three significant digits without trailing zeros, e.g. 1e-06 or 2.5e-03. */
    static String compact(double v) {
        return String.format(Locale.ROOT, "%.2e", v).replaceAll("\\.?0+e", "e");
    }

    /** A dashed horizontal line at the target loss, labelled with its value. */
    static ValueMarker targetLine(double target) {
        ValueMarker marker = new ValueMarker(target, TARGET, ResultChartStyle.dashed(1.2f));
        marker.setLabel("target " + compact(target));
        marker.setLabelFont(ResultChartStyle.TICK_FONT);
        marker.setLabelPaint(TARGET);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }
}
