package org.brainfx.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The live chart of a fit's voltage: one small panel per selected sweep with the recorded trace
 * in grey under the model's trace in colour, on one time axis. {@link #show} replaces the data in
 * place and redraws once, so it can run many times a second.
 */
public final class LiveVoltageChart {
    private static final Color TARGET = new Color(0xB4B4B4);
    private static final Color MODEL = ResultChartStyle.colour(2);
    private static final float TARGET_WIDTH = 3.2f;
    private static final float MODEL_WIDTH = 1.6f;
    private static final double[][] EMPTY = new double[2][0];
    private static final BasicStroke FAST_TARGET = new BasicStroke(TARGET_WIDTH, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_BEVEL);
    private static final BasicStroke FAST_MODEL = new BasicStroke(MODEL_WIDTH, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_BEVEL);

    private final CombinedDomainXYPlot plot;
    private final JFreeChart chart;
    private final String targetLabel;
    private final String sweepFormat;
    private final List<XYPlot> panels = new ArrayList<>();
    private final List<DefaultXYDataset> data = new ArrayList<>();
    private List<Integer> shown = List.of();
    private String modelLabel = "";

    /**
     * An empty chart.
     *
     * @param title       the chart's title
     * @param timeLabel   the time axis label with its unit
     * @param targetLabel the legend's name for the recorded trace
     * @param sweepFormat each panel's label, {@code {0}} the sweep's number from 1, e.g. "sweep {0}"
     */
    public LiveVoltageChart(String title, String timeLabel, String targetLabel, String sweepFormat) {
        this.targetLabel = targetLabel;
        this.sweepFormat = sweepFormat;
        NumberAxis time = ResultChartStyle.axis(timeLabel);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        chart = ResultChartStyle.chart(plot, title, null, legend(""));
    }

    /** The chart, for a viewer. */
    public JFreeChart chart() {
        return chart;
    }

    /** Draws {@code overlay}, reusing the panels when the same sweeps are shown; one redraw in all. */
    public void show(SweepOverlay overlay) {
        chart.setNotify(false);
        try {
            if (!overlay.indices().equals(shown)) {
                rebuild(overlay.indices());
            }
            for (int i = 0; i < panels.size(); i++) {
                SweepOverlay.Sweep s = overlay.sweeps().get(i);
                DefaultXYDataset d = data.get(i);
                d.addSeries("target", s.target() == null ? EMPTY : s.target());
                d.addSeries("model", s.model() == null ? EMPTY : s.model());
                // One unit label, on the middle panel: stacked panels would run their labels together.
                panels.get(i).getRangeAxis().setLabel(i == panels.size() / 2 ? overlay.axisLabel() : null);
            }
            if (!overlay.modelLabel().equals(modelLabel)) {
                modelLabel = overlay.modelLabel();
                plot.setFixedLegendItems(legend(modelLabel));
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void rebuild(List<Integer> sweeps) {
        for (XYPlot p : panels) {
            plot.remove(p);
        }
        panels.clear();
        data.clear();
        for (int s : sweeps) {
            DefaultXYDataset d = new DefaultXYDataset();
            d.addSeries("target", EMPTY);
            d.addSeries("model", EMPTY);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            // Drawn many times a second and rasterized in software on many machines: one path per
            // trace instead of a shape per segment, joins and caps without curves, and no per-point
            // hit-test entities (tooltips on thousands of points help nobody here).
            renderer.setDrawSeriesLineAsPath(true);
            renderer.setDefaultCreateEntities(false);
            renderer.setSeriesPaint(0, TARGET);
            renderer.setSeriesStroke(0, FAST_TARGET);
            renderer.setSeriesPaint(1, MODEL);
            renderer.setSeriesStroke(1, FAST_MODEL);
            XYPlot panel = new XYPlot(d, null, ResultChartStyle.axis(""), renderer);
            ResultChartStyle.stylePanel(panel);
            panel.setRangeMinorGridlinesVisible(false);
            // XYPlot draws the last series first by default; the model must lie on top of the recording.
            panel.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            panel.addAnnotation(sweepLabel(s));
            plot.add(panel, 1);
            panels.add(panel);
            data.add(d);
        }
        shown = List.copyOf(sweeps);
    }

    private LegendItemCollection legend(String model) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem(targetLabel, TARGET, TARGET_WIDTH));
        if (!model.isEmpty()) {
            legend.add(ResultChartStyle.legendItem(model, MODEL, MODEL_WIDTH));
        }
        return legend;
    }

    private XYTitleAnnotation sweepLabel(int sweep) {
        return ResultChartStyle.cornerLabel(MessageFormat.format(sweepFormat, sweep + 1));
    }
}
