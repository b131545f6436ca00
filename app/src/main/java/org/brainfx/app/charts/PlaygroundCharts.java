package org.brainfx.app.charts;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

/**
 * The playground's live charts: membrane potential over the input current, a chosen state over
 * time, and the phase plane. They are built once and redraw when their datasets change, so a
 * slider can move them many times a second; untitled, since the controls beside them say what
 * they show.
 */
public final class PlaygroundCharts {
    private static final Color MODEL = ResultChartStyle.colour(0);
    private static final Color TARGET = new Color(0x303030);
    private static final Color STATE = ResultChartStyle.colour(1);
    private static final Color PHASE = ResultChartStyle.colour(6);
    private static final Color INPUT = ResultChartStyle.colour(2);
    private static final int MEMBRANE_WEIGHT = 3;
    private static final int INPUT_WEIGHT = 1;
    /**
     * Smallest span an axis shows: a state that stays constant (a gate at rest, a threshold that
     * does not adapt) then gets readable ticks instead of ones a billionth apart.
     */
    private static final double MIN_AXIS_SPAN = 0.01;

    private PlaygroundCharts() {
    }

    /**
     * Membrane potential (series 0 the model, series 1 a recorded or target trace) above the
     * input current, on one time axis; the legend (model, recorded) starts hidden.
     */
    public static JFreeChart traces(XYDataset membrane, XYDataset input, String membraneLabel, String inputLabel,
                                    String timeLabel, String modelName, String targetName) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ResultChartStyle.axis(timeLabel));
        plot.setGap(10);
        XYLineAndShapeRenderer lines = lines(MODEL);
        lines.setSeriesPaint(1, TARGET);
        lines.setSeriesStroke(1, ResultChartStyle.dashed(1.2f));
        plot.add(panel(membrane, ResultChartStyle.axis(membraneLabel), lines), MEMBRANE_WEIGHT);
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, INPUT);
        steps.setSeriesStroke(0, ResultChartStyle.line(1.5f));
        NumberAxis current = ResultChartStyle.axis(inputLabel);
        current.setAutoRangeIncludesZero(true);
        plot.add(panel(input, current, steps), INPUT_WEIGHT);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem(modelName, MODEL, 2f));
        legend.add(ResultChartStyle.legendItem(targetName, TARGET, 1.2f));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = chart(plot, true);
        chart.getLegend().setVisible(false);
        return chart;
    }

    /** One state against time; the axis labels are set by whoever chooses the state. */
    public static JFreeChart stateOverTime(XYDataset data, String timeLabel) {
        return chart(panel(data, ResultChartStyle.axis(""), lines(STATE), ResultChartStyle.axis(timeLabel)), false);
    }

    /** The phase plane: one state against another (x, y from the dataset); labels are set by the caller. */
    public static JFreeChart phasePlane(XYDataset data) {
        return chart(panel(data, ResultChartStyle.axis(""), lines(PHASE), ResultChartStyle.axis("")), false);
    }

    private static XYLineAndShapeRenderer lines(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, ResultChartStyle.line(1.6f));
        // One path per series instead of a line per point pair: far fewer drawing calls per redraw.
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    private static XYPlot panel(XYDataset data, NumberAxis range, XYItemRenderer renderer) {
        return panel(data, range, renderer, null);
    }

    private static XYPlot panel(XYDataset data, NumberAxis range, XYItemRenderer renderer, NumberAxis domain) {
        range.setAutoRangeMinimumSize(MIN_AXIS_SPAN);
        if (domain != null) {
            domain.setAutoRangeMinimumSize(MIN_AXIS_SPAN);
        }
        XYPlot p = new XYPlot(data, domain, range, renderer);
        ResultChartStyle.stylePanel(p);
        return p;
    }

    private static JFreeChart chart(XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, ResultChartStyle.TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        ResultChartStyle.styleLegend(chart);
        return chart;
    }
}
