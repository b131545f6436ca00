package org.brainfx.app.charts;

import java.util.List;
import org.brainfx.app.report.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How the best parameters move during a fit: one line per parameter against iteration, each as
 * its position within its bounds (0 lower, 1 upper), so parameters of any unit share one axis;
 * the legend gives each parameter's newest value in its own unit.
 */
public final class TrajectoryChart {

    /**
     * How a line's positions map to its parameter's values.
     *
     * @param name  the parameter
     * @param lower the value at position 0
     * @param upper the value at position 1
     * @param unit  the parameter's unit ("" when dimensionless)
     */
    public record Scale(String name, double lower, double upper, String unit) {
        /** The value at {@code fraction} of the way from lower to upper. */
        public double value(double fraction) {
            return lower + fraction * (upper - lower);
        }
    }

    private final XYSeriesCollection lines = new XYSeriesCollection();
    private List<Scale> scales = List.of();
    private final XYPlot plot;
    private final JFreeChart chart;

    /**
     * An empty chart.
     *
     * @param title          the chart's title
     * @param iterationLabel the horizontal axis label
     * @param fractionLabel  the vertical axis label
     * @param subtitle       a line under the title saying what 0 and 1 mean
     */
    public TrajectoryChart(String title, String iterationLabel, String fractionLabel, String subtitle) {
        NumberAxis iterations = ResultChartStyle.axis(iterationLabel);
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iterations.setAutoRangeIncludesZero(true);
        NumberAxis fraction = ResultChartStyle.axis(fractionLabel);
        fraction.setRange(-0.02, 1.02);
        fraction.setAutoRange(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        plot = new XYPlot(lines, iterations, fraction, renderer);
        ResultChartStyle.stylePanel(plot);
        plot.setRangeMinorGridlinesVisible(false);
        // A legend is only created for a chart that starts with items; reset() then replaces them.
        LegendItemCollection placeholder = new LegendItemCollection();
        placeholder.add(ResultChartStyle.legendItem(" ", ResultChartStyle.GRID, 1f));
        chart = ResultChartStyle.chart(plot, title, subtitle, placeholder);
        // One legend line per parameter with its value: in the small font of the ticks, tightly, so the lines keep room.
        chart.getLegend().setItemFont(ResultChartStyle.TICK_FONT);
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(0, 2, 0, 2));
        reset(List.of());
    }

    /** The chart, for a viewer. */
    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with one empty line per parameter, labelled by name only. */
    public void reset(List<String> parameters) {
        scales = List.of();
        resetLines(parameters);
    }

    /** Starts over with one empty line per parameter; the legend gives each one's newest value in its unit. */
    public void resetScaled(List<Scale> parameters) {
        scales = List.copyOf(parameters);
        resetLines(parameters.stream().map(Scale::name).toList());
    }

    private void resetLines(List<String> parameters) {
        lines.removeAllSeries();
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < parameters.size(); i++) {
            // Duplicates allowed: one iteration can be reported again with a newer best point.
            lines.addSeries(new XYSeries(parameters.get(i), false, true));
            plot.getRenderer().setSeriesPaint(i, ResultChartStyle.colour(i));
            plot.getRenderer().setSeriesStroke(i, ResultChartStyle.line(1.8f));
            legend.add(ResultChartStyle.legendItem(parameters.get(i),
                    ResultChartStyle.colour(i), 1.8f));
        }
        plot.setFixedLegendItems(legend);
    }

    /** Appends the best point after {@code iteration} (fractions in the order of {@link #reset}); one redraw. */
    public void add(int iteration, double[] fractions) {
        chart.setNotify(false);
        try {
            for (int i = 0; i < fractions.length && i < lines.getSeriesCount(); i++) {
                lines.getSeries(i).add(iteration, fractions[i], false);
            }
            if (lines.getSeriesCount() > 0) {
                lines.getSeries(0).fireSeriesChanged();
            }
            labelValues(fractions);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Puts each parameter's value at {@code fractions} into the legend ("gNa 24.7 uS"). */
    private void labelValues(double[] fractions) {
        if (scales.size() != fractions.length) {
            return;
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < fractions.length; i++) {
            Scale s = scales.get(i);
            String value = Double.isFinite(fractions[i]) ? Numbers.significant(s.value(fractions[i])) : "\u2014";
            legend.add(ResultChartStyle.legendItem(s.name() + " " + value + (s.unit().isEmpty() ? "" : " " + s.unit()),
                    ResultChartStyle.colour(i), 1.8f));
        }
        plot.setFixedLegendItems(legend);
    }

    /** The legend's labels, in line order (for tests). */
    public List<String> legendLabels() {
        List<String> out = new java.util.ArrayList<>();
        LegendItemCollection items = plot.getFixedLegendItems();
        for (int i = 0; items != null && i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    /** Replaces the newest point of every line (the same iteration reported again with a newer best); one redraw. */
    public void replaceLast(double[] fractions) {
        chart.setNotify(false);
        try {
            for (int i = 0; i < fractions.length && i < lines.getSeriesCount(); i++) {
                XYSeries line = lines.getSeries(i);
                if (line.getItemCount() > 0) {
                    line.updateByIndex(line.getItemCount() - 1, fractions[i]);
                }
            }
            labelValues(fractions);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Points in the first line (for tests). */
    public int pointCount() {
        return lines.getSeriesCount() == 0 ? 0 : lines.getSeries(0).getItemCount();
    }
}
