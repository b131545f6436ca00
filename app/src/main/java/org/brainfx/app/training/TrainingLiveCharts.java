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
 * against batch (training batches and held-out points), the mean E and I firing rates, and the |E|
 * and |I| weight histograms before (grey) and now (colour). Touch only on the FX thread.
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
    private int shown;
    private boolean byWallTime;
    private List<TrainRecord> lastHistory = List.of();
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

    /** Shows the weight matrix {@code m}. */
    public void showMatrix(WeightMatrixChart.Matrix m) {
        WeightMatrixChart.show(matrix, m);
    }

    /** True while the curves' horizontal axis is wall time rather than batch. */
    public boolean byWallTime() {
        return byWallTime;
    }

    /**
     * Plots the curves and rates against wall time (seconds since the run started) or against batch;
     * the points shown so far are redrawn on the new axis.
     */
    public void setByWallTime(boolean wall) {
        if (wall == byWallTime) {
            return;
        }
        byWallTime = wall;
        String label = wall ? "Wall time (s)" : "Batch";
        curves.getXYPlot().getDomainAxis().setLabel(label);
        rates.getXYPlot().getDomainAxis().setLabel(label);
        curves.setNotify(false);
        rates.setNotify(false);
        for (XYSeries s : List.of(loss, heldLoss, accuracy, heldAccuracy, rateE, rateI)) {
            s.clear();
        }
        shown = 0;
        append(lastHistory);
        curves.setNotify(true);
        rates.setNotify(true);
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

    /** Clears every curve for a new run whose initial weights have these histograms. */
    public void reset(WeightHistogram excitatoryBefore, WeightHistogram inhibitoryBefore) {
        shown = 0;
        lastHistory = List.of();
        setSummary(null);
        matrix.getXYPlot().clearAnnotations();
        for (XYSeries s : List.of(loss, heldLoss, accuracy, heldAccuracy, rateE, rateI)) {
            s.clear();
        }
        fill(eBefore, excitatoryBefore);
        fill(iBefore, inhibitoryBefore);
        fill(eNow, excitatoryBefore);
        fill(iNow, inhibitoryBefore);
        shownE = excitatoryBefore;
        shownI = inhibitoryBefore;
    }

    /**
     * Adds the records not shown yet (the history only grows within a run) and shows the histograms now;
     * a chart whose data did not change is not redrawn, one that did is redrawn once, not once per series.
     */
    public void update(List<TrainRecord> history, WeightHistogram excitatoryNow, WeightHistogram inhibitoryNow) {
        lastHistory = history;
        if (history.size() > shown) {
            curves.setNotify(false);
            rates.setNotify(false);
            append(history);
            curves.setNotify(true);
            rates.setNotify(true);
        }
        boolean e = excitatoryNow != null && !same(excitatoryNow, shownE);
        boolean i = inhibitoryNow != null && !same(inhibitoryNow, shownI);
        if (e || i) {
            weights.setNotify(false);
            if (e) {
                fill(eNow, excitatoryNow);
                shownE = excitatoryNow;
            }
            if (i) {
                fill(iNow, inhibitoryNow);
                shownI = inhibitoryNow;
            }
            weights.setNotify(true);
        }
    }

    private static boolean same(WeightHistogram a, WeightHistogram b) {
        return b != null && a.width() == b.width() && java.util.Arrays.equals(a.counts(), b.counts());
    }

    private void append(List<TrainRecord> history) {
        if (history.size() > shown) {
            List<XYSeries> all = List.of(loss, heldLoss, accuracy, heldAccuracy, rateE, rateI);
            all.forEach(s -> s.setNotify(false));
            for (int k = shown; k < history.size(); k++) {
                TrainRecord r = history.get(k);
                double x = byWallTime ? r.wallSeconds() : r.batch() + 1;
                loss.add(x, r.loss(), false);
                accuracy.add(x, r.accuracy(), false);
                if (!Double.isNaN(r.heldOutAccuracy())) {
                    heldLoss.add(x, r.heldOutLoss(), false);
                    heldAccuracy.add(x, r.heldOutAccuracy(), false);
                }
                rateE.add(x, r.rateE(), false);
                rateI.add(x, r.rateI(), false);
            }
            shown = history.size();
            all.forEach(s -> s.setNotify(true));
        }
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
