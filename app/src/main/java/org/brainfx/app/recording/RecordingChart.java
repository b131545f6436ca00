package org.brainfx.app.recording;

import java.awt.Color;
import java.awt.Polygon;
import java.util.Arrays;
import java.util.List;
import org.brainfx.app.charts.MinMaxDecimator;
import org.brainfx.app.charts.ResultChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The Recording view's chart: the response above the stimulus on one time axis, one colour per
 * sweep (kept when other sweeps are hidden), detected spikes marked on the response, and the fit
 * windows shaded. Traces are thinned to the pixels of the visible time range, again after every
 * zoom or pan, so zooming in shows every sample.
 */
final class RecordingChart {
    private static final Color WINDOW_FILL = new Color(0x2F, 0x6F, 0xDE, 0x26);
    private static final int RESPONSE_WEIGHT = 3;
    private static final int STIMULUS_WEIGHT = 1;
    private static final int SPIKES = 1;

    private final NumberAxis time;
    private final NumberAxis responseAxis = ResultChartStyle.axis("");
    private final NumberAxis stimulusAxis = ResultChartStyle.axis("");
    private final XYPlot responsePlot;
    private final XYPlot stimulusPlot;
    private final JFreeChart chart;
    private SweepTraces traces;
    private int columns = 1200;
    private double drawnLower = Double.NaN;
    private double drawnUpper = Double.NaN;

    /** An empty chart whose time axis reads {@code timeLabel}. */
    RecordingChart(String timeLabel) {
        time = ResultChartStyle.axis(timeLabel);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        stimulusAxis.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        responsePlot = panel(responseAxis);
        XYLineAndShapeRenderer spikes = new XYLineAndShapeRenderer(false, true);
        spikes.setDefaultShape(downTriangle());
        spikes.setAutoPopulateSeriesShape(false);
        responsePlot.setRenderer(SPIKES, spikes);
        stimulusPlot = panel(stimulusAxis);
        plot.add(responsePlot, RESPONSE_WEIGHT);
        plot.add(stimulusPlot, STIMULUS_WEIGHT);
        chart = new JFreeChart(null, ResultChartStyle.LABEL_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 4, 4, 16));
        time.addChangeListener(e -> redraw(false));
    }

    /** The chart, for a {@code ChartViewer} (or export). */
    JFreeChart chart() {
        return chart;
    }

    /** The upper panel (response), whose dataset 0 holds one series per shown sweep. */
    XYPlot responsePlot() {
        return responsePlot;
    }

    /** The lower panel (stimulus). */
    XYPlot stimulusPlot() {
        return stimulusPlot;
    }

    /** The colour of sweep {@code index}, the same in the chart and beside its check box. */
    static Color colour(int index) {
        return ResultChartStyle.colour(index);
    }

    /** Shows {@code shown} (null: nothing), keeping the current zoom when the time span stays the same. */
    void show(SweepTraces shown) {
        // One redraw for the whole change: each label and range set would redraw the chart on its own.
        chart.setNotify(false);
        try {
            boolean newSpan = traces == null || shown == null || traces.durationMs() != shown.durationMs();
            traces = shown;
            if (shown != null) {
                responseAxis.setLabel(shown.response().label());
                stimulusAxis.setLabel(shown.stimulus().label());
            }
            if (newSpan) {
                resetZoom();
            }
            redraw(true);
        } finally {
            chart.setNotify(true);
        }
    }

    /** The pixel width traces are thinned to. */
    void setColumns(int pixels) {
        if (pixels > 0 && pixels != columns) {
            columns = pixels;
            redraw(true);
        }
    }

    /** Back to the whole sweeps. */
    void resetZoom() {
        if (traces != null && traces.durationMs() > 0) {
            time.setRange(0, traces.durationMs());
        } else {
            time.setAutoRange(true);
        }
        responseAxis.setAutoRange(true);
        stimulusAxis.setAutoRange(true);
    }

    /** Shades the project's fit windows. */
    void setWindows(List<RecordingViewModel.FitWindow> windows) {
        for (XYPlot p : List.of(responsePlot, stimulusPlot)) {
            p.clearDomainMarkers();
        }
        for (RecordingViewModel.FitWindow w : windows) {
            IntervalMarker onResponse = marker(w.fromMs(), w.toMs(), WINDOW_FILL);
            onResponse.setLabel(w.terms());
            onResponse.setLabelFont(ResultChartStyle.TICK_FONT);
            onResponse.setLabelPaint(ResultChartStyle.TEXT);
            onResponse.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            onResponse.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            onResponse.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            responsePlot.addDomainMarker(0, onResponse, Layer.BACKGROUND);
            stimulusPlot.addDomainMarker(0, marker(w.fromMs(), w.toMs(), WINDOW_FILL), Layer.BACKGROUND);
        }
    }

    /** Series of the shown sweeps in the response panel. */
    int responseSeriesCount() {
        return responsePlot.getDataset(0) == null ? 0 : responsePlot.getDataset(0).getSeriesCount();
    }

    /** Rebuilds the datasets for the visible time range, unless {@code force} is false and it was already drawn. */
    private void redraw(boolean force) {
        double lower = time.getLowerBound();
        double upper = time.getUpperBound();
        if (!force && lower == drawnLower && upper == drawnUpper) {
            return;
        }
        drawnLower = lower;
        drawnUpper = upper;
        DefaultXYDataset response = new DefaultXYDataset();
        DefaultXYDataset spikes = new DefaultXYDataset();
        DefaultXYDataset stimulus = new DefaultXYDataset();
        XYLineAndShapeRenderer responseLines = lines();
        XYLineAndShapeRenderer spikeMarks = (XYLineAndShapeRenderer) responsePlot.getRenderer(SPIKES);
        XYLineAndShapeRenderer stimulusLines = lines();
        if (traces != null) {
            for (SweepTraces.Sweep s : traces.sweeps()) {
                String key = "sweep " + (s.index() + 1);
                Color c = colour(s.index());
                if (s.response() != null) {
                    int series = response.getSeriesCount();
                    response.addSeries(key, visible(s.response(), s.dtMs(), lower, upper, columns));
                    responseLines.setSeriesPaint(series, c);
                    spikes.addSeries(key, spikePoints(s));
                    spikeMarks.setSeriesPaint(series, c.darker());
                }
                if (s.stimulus() != null) {
                    stimulusLines.setSeriesPaint(stimulus.getSeriesCount(), c);
                    stimulus.addSeries(key, visible(s.stimulus(), s.dtMs(), lower, upper, columns));
                }
            }
        }
        responsePlot.setRenderer(0, responseLines);
        stimulusPlot.setRenderer(0, stimulusLines);
        responsePlot.setDataset(0, response);
        responsePlot.setDataset(SPIKES, spikes);
        stimulusPlot.setDataset(0, stimulus);
    }

    /**
     * The points to draw of a trace for the time range [lower, upper]: min/max-thinned inside it,
     * plus the trace's first and last samples so the data still spans the whole sweep (the axis's
     * auto range, and so "reset zoom", keeps meaning the whole sweep).
     */
    static double[][] visible(double[] y, double dt, double lower, double upper, int columns) {
        int n = y.length;
        int from = Math.max(0, Math.min(n - 1, (int) Math.floor(lower / dt) - 1));
        int to = Math.max(from + 1, Math.min(n, (int) Math.ceil(upper / dt) + 2));
        double[][] inside = MinMaxDecimator.decimate(Arrays.copyOfRange(y, from, to), from * dt, dt, columns);
        boolean head = from > 0;
        boolean tail = to < n;
        int m = inside[0].length + (head ? 1 : 0) + (tail ? 1 : 0);
        double[] xs = new double[m];
        double[] ys = new double[m];
        int k = 0;
        if (head) {
            xs[k] = 0;
            ys[k++] = y[0];
        }
        System.arraycopy(inside[0], 0, xs, k, inside[0].length);
        System.arraycopy(inside[1], 0, ys, k, inside[1].length);
        k += inside[0].length;
        if (tail) {
            xs[k] = (n - 1) * dt;
            ys[k] = y[n - 1];
        }
        return new double[][] {xs, ys};
    }

    private static double[][] spikePoints(SweepTraces.Sweep s) {
        int[] peaks = s.spikePeaks();
        double[][] points = new double[2][peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            points[0][i] = peaks[i] * s.dtMs();
            points[1][i] = s.response()[peaks[i]];
        }
        return points;
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(ResultChartStyle.line(1.2f));
        r.setAutoPopulateSeriesStroke(false);
        // One path per sweep instead of a line per segment: several times faster to draw on a canvas.
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    private static IntervalMarker marker(double from, double to, Color fill) {
        IntervalMarker m = new IntervalMarker(from, to, fill);
        m.setOutlinePaint(null);
        return m;
    }

    /** A small triangle pointing down at the peak, drawn just above it. */
    private static Polygon downTriangle() {
        return new Polygon(new int[] {-5, 5, 0}, new int[] {-12, -12, -3}, 3);
    }

    private static XYPlot panel(NumberAxis range) {
        XYPlot p = new XYPlot(null, null, range, null);
        ResultChartStyle.styleTracePanel(p);
        return p;
    }
}
