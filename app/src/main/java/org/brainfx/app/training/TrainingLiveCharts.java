package org.brainfx.app.training;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import org.brainfx.app.charts.NetworkPictures;
import org.brainfx.app.charts.ResultChartStyle;
import org.brainfx.app.charts.TrainingCharts;
import org.brainfx.app.charts.WeightMatrixChart;
import org.brainfx.engine.train.TrainRecord;
import org.brainfx.engine.train.WeightHistogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The dashboard's charts, built once from {@link TrainingCharts} and fed in place: loss and accuracy
 * against batch or wall time (training batches and held-out points), the mean E and I firing rates,
 * the |E| and |I| weight histograms before (grey) and now (colour), and the recurrent weight matrix.
 * The charts are drawn off the JavaFX threads ({@link org.brainfx.app.charts.PaintedChartView}): once
 * shown, call every method but the chart getters on the painter thread, through the views' update and read.
 */
public final class TrainingLiveCharts {
    private final JFreeChart curves;
    private final JFreeChart weights;
    private final JFreeChart rates;
    private final XYSeries loss;
    private final XYSeries heldLoss;
    private final XYSeries accuracy;
    private final XYSeries heldAccuracy;
    private final XYSeries rateE = new XYSeries("E", false, true);
    private final XYSeries rateI = new XYSeries("I", false, true);
    private final XYSeries eBefore;
    private final XYSeries eNow;
    private final XYSeries iBefore;
    private final XYSeries iNow;
    private final JFreeChart matrix;
    private int curvesShown;
    private int ratesShown;
    private boolean byWallTime;
    private WeightHistogram shownE;
    private WeightHistogram shownI;

    /** Empty charts with these titles (small: the dashboard shows five charts at once). */
    public TrainingLiveCharts(String loss, String weights, String rates, String matrix) {
        curves = TrainingCharts.curves(List.of(), loss, null);
        smallTitle(curves);
        List<XYPlot> panels = ((CombinedDomainXYPlot) curves.getXYPlot()).getSubplots();
        XYSeriesCollection lossData = (XYSeriesCollection) panels.get(0).getDataset();
        XYSeriesCollection accData = (XYSeriesCollection) panels.get(1).getDataset();
        ((NumberAxis) panels.get(1).getRangeAxis()).setRange(0, 1.02);
        this.loss = lossData.getSeries(0);
        heldLoss = lossData.getSeries(1);
        accuracy = accData.getSeries(0);
        heldAccuracy = accData.getSeries(1);
        WeightHistogram empty = new WeightHistogram(1, new long[1], 0, 0);
        this.weights = TrainingCharts.weights(empty, empty, empty, empty, weights, null);
        smallTitle(this.weights);
        List<XYPlot> hist = ((CombinedRangeXYPlot) this.weights.getXYPlot()).getSubplots();
        eBefore = ((XYSeriesCollection) hist.get(0).getDataset()).getSeries(0);
        eNow = ((XYSeriesCollection) hist.get(0).getDataset()).getSeries(1);
        iBefore = ((XYSeriesCollection) hist.get(1).getDataset()).getSeries(0);
        iNow = ((XYSeriesCollection) hist.get(1).getDataset()).getSeries(1);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem("before training", new Color(0x9a, 0x9a, 0x9a)));
        legend.add(legendItem("now: E", NetworkPictures.EXCITATORY));
        legend.add(legendItem("now: I", NetworkPictures.INHIBITORY));
        this.weights.getXYPlot().setFixedLegendItems(legend);
        for (XYSeries s : List.of(eBefore, eNow, iBefore, iNow)) {
            s.clear();
        }
        this.rates = ratesChart(rates);
        this.matrix = WeightMatrixChart.chart(matrix);
        smallTitle(this.matrix);
    }

    /** The recurrent weight matrix (best weights so far), sorted by type. */
    public JFreeChart matrix() {
        return matrix;
    }

    /** Loss and accuracy against batch. */
    public JFreeChart curves() {
        return curves;
    }

    /** |E| and |I| weight histograms, before and now. */
    public JFreeChart weights() {
        return weights;
    }

    /** Mean E and I firing rates against batch. */
    public JFreeChart rates() {
        return rates;
    }

    /** Shows the weight matrix {@code m}. */
    public void showMatrix(WeightMatrixChart.Matrix m) {
        WeightMatrixChart.show(matrix, m);
    }

    /** Clears the weight matrix for a new run. */
    public void clearMatrix() {
        matrix.getXYPlot().clearAnnotations();
    }

    /** Points on the training loss curve (tests). */
    public int lossPoints() {
        return loss.getItemCount();
    }

    /** Held-out accuracy points (tests). */
    public int heldOutPoints() {
        return heldAccuracy.getItemCount();
    }

    /** Bins of the "now" |E| histogram (tests). */
    public int histogramBins() {
        return eNow.getItemCount();
    }

    /** Clears the curves for a new run. */
    public void resetCurves() {
        setSummary(null);
        clearCurves();
    }

    /** Clears the rates for a new run. */
    public void resetRates() {
        ratesShown = 0;
        rateE.clear();
        rateI.clear();
    }

    /** Shows the histograms of a new run's initial weights, before and (for now) as its current ones. */
    public void resetWeights(WeightHistogram excitatoryBefore, WeightHistogram inhibitoryBefore) {
        fill(eBefore, excitatoryBefore);
        fill(iBefore, inhibitoryBefore);
        fill(eNow, excitatoryBefore);
        fill(iNow, inhibitoryBefore);
        shownE = excitatoryBefore;
        shownI = inhibitoryBefore;
    }

    /** Adds the records of {@code history} not on the loss and accuracy curves yet (the history only grows within a run). */
    public void appendCurves(List<TrainRecord> history) {
        if (history.size() <= curvesShown) {
            return;
        }
        List<XYSeries> all = List.of(loss, heldLoss, accuracy, heldAccuracy);
        all.forEach(s -> s.setNotify(false));
        for (int k = curvesShown; k < history.size(); k++) {
            TrainRecord r = history.get(k);
            double x = x(r);
            loss.add(x, r.loss(), false);
            accuracy.add(x, r.accuracy(), false);
            if (!Double.isNaN(r.heldOutAccuracy())) {
                heldLoss.add(x, r.heldOutLoss(), false);
                heldAccuracy.add(x, r.heldOutAccuracy(), false);
            }
        }
        curvesShown = history.size();
        all.forEach(s -> s.setNotify(true));
    }

    /** Adds the records of {@code history} not on the rate curves yet. */
    public void appendRates(List<TrainRecord> history) {
        if (history.size() <= ratesShown) {
            return;
        }
        rateE.setNotify(false);
        rateI.setNotify(false);
        for (int k = ratesShown; k < history.size(); k++) {
            TrainRecord r = history.get(k);
            rateE.add(x(r), r.rateE(), false);
            rateI.add(x(r), r.rateI(), false);
        }
        ratesShown = history.size();
        rateE.setNotify(true);
        rateI.setNotify(true);
    }

    /** Shows the histograms now, redrawing only when they changed. */
    public void showWeights(WeightHistogram excitatoryNow, WeightHistogram inhibitoryNow) {
        if (excitatoryNow != null && !same(excitatoryNow, shownE)) {
            fill(eNow, excitatoryNow);
            shownE = excitatoryNow;
        }
        if (inhibitoryNow != null && !same(inhibitoryNow, shownI)) {
            fill(iNow, inhibitoryNow);
            shownI = inhibitoryNow;
        }
    }

    /**
     * Plots the curves against wall time (seconds since the run started) or against batch, redrawing
     * {@code history}'s points on the new axis.
     */
    public void curvesByWallTime(boolean wall, List<TrainRecord> history) {
        byWallTime = wall;
        curves.getXYPlot().getDomainAxis().setLabel(wall ? "Wall time (s)" : "Batch");
        clearCurves();
        appendCurves(history);
    }

    /** Plots the rates against wall time or batch, redrawing {@code history}'s points. */
    public void ratesByWallTime(boolean wall, List<TrainRecord> history) {
        byWallTime = wall;
        rates.getXYPlot().getDomainAxis().setLabel(wall ? "Wall time (s)" : "Batch");
        resetRates();
        appendRates(history);
    }

    private void clearCurves() {
        curvesShown = 0;
        for (XYSeries s : List.of(loss, heldLoss, accuracy, heldAccuracy)) {
            s.clear();
        }
    }

    private double x(TrainRecord r) {
        return byWallTime ? r.wallSeconds() : r.batch() + 1;
    }

    private static boolean same(WeightHistogram a, WeightHistogram b) {
        return b != null && a.width() == b.width() && java.util.Arrays.equals(a.counts(), b.counts());
    }

    /** Shows the run's summary under the curves' title (when it ends), or none for null. */
    public void setSummary(String text) {
        for (Object t : curves.getSubtitles()) {
            if (t instanceof TextTitle old) {
                curves.removeSubtitle(old);
            }
        }
        if (text != null) {
            TextTitle sub = new TextTitle(text, ResultChartStyle.TICK_FONT);
            sub.setPaint(Color.GRAY);
            // Under the plot: at the top its left end ran into the loss axis' label.
            sub.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            curves.addSubtitle(sub);
        }
    }

    /** Shrinks a chart's title to fit a quarter of the dashboard. */
    static void smallTitle(JFreeChart chart) {
        chart.getTitle().setFont(ResultChartStyle.LABEL_FONT.deriveFont(java.awt.Font.BOLD));
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 8));
    }

    private static void fill(XYSeries s, WeightHistogram h) {
        s.setNotify(false);
        s.clear();
        for (int b = 0; b < h.counts().length; b++) {
            s.add(b * h.width(), h.counts()[b], false);
        }
        s.add(h.counts().length * h.width(), 0, false);
        s.setNotify(true);
    }

    private JFreeChart ratesChart(String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(rateE);
        data.addSeries(rateI);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, NetworkPictures.EXCITATORY);
        r.setSeriesPaint(1, NetworkPictures.INHIBITORY);
        r.setSeriesStroke(0, ResultChartStyle.line(2f));
        r.setSeriesStroke(1, ResultChartStyle.line(2f));
        NumberAxis batch = ResultChartStyle.axis("Batch");
        NumberAxis hz = ResultChartStyle.axis("Mean rate (Hz)");
        hz.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, batch, hz, r);
        ResultChartStyle.stylePanel(p);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem("excitatory", NetworkPictures.EXCITATORY));
        legend.add(legendItem("inhibitory", NetworkPictures.INHIBITORY));
        p.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, ResultChartStyle.LABEL_FONT, p, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle main = new TextTitle(title, ResultChartStyle.LABEL_FONT);
        main.setPaint(ResultChartStyle.TEXT);
        main.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.setTitle(main);
        smallTitle(chart);
        return chart;
    }

    private static LegendItem legendItem(String label, Color colour) {
        return new LegendItem(label, null, null, null, new Rectangle(16, 3), colour);
    }
}
