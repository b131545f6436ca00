package org.brainfx.app.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.brainfx.engine.task.Period;
import org.brainfx.engine.train.TrainRecord;
import org.brainfx.engine.train.TrialRecording;
import org.brainfx.engine.train.WeightHistogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The pictures of a training run: its curves (loss and accuracy against batch), one trial of the
 * trained network (input raster, E/I raster, membrane potentials, readout), and the |E| and |I|
 * weight distributions before and after training.
 */
public final class TrainingCharts {
    /** Width of the pictures, px. */
    public static final int WIDTH = 1200;
    private static final Color BEFORE = new Color(0x9a, 0x9a, 0x9a);

    private TrainingCharts() {
    }

    /** Loss (left) and accuracy (right, training batches and held-out) against batch. */
    public static JFreeChart curves(List<TrainRecord> history, String title, String subtitle) {
        XYSeries loss = new XYSeries("training loss");
        XYSeries heldLoss = new XYSeries("held-out loss");
        XYSeries accuracy = new XYSeries("training batch");
        XYSeries heldAccuracy = new XYSeries("held-out (512 trials)");
        for (TrainRecord r : history) {
            loss.add(r.batch() + 1, r.loss());
            accuracy.add(r.batch() + 1, r.accuracy());
            if (!Double.isNaN(r.heldOutAccuracy())) {
                heldLoss.add(r.batch() + 1, r.heldOutLoss());
                heldAccuracy.add(r.batch() + 1, r.heldOutAccuracy());
            }
        }
        NumberAxis batches = ResultChartStyle.axis("Batch");
        batches.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(batches);
        plot.setGap(16);
        plot.add(linePanel("Loss (cross-entropy)", List.of(loss, heldLoss), false), 1);
        XYPlot acc = linePanel("Accuracy", List.of(accuracy, heldAccuracy), true);
        ((NumberAxis) acc.getRangeAxis()).setRange(0.4, 1.0);
        plot.add(acc, 1);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem("training batch", ResultChartStyle.colour(0), 2));
        legend.add(ResultChartStyle.legendItem("held-out", ResultChartStyle.colour(1), 2));
        return ResultChartStyle.chart(plot, title, subtitle, legend);
    }

    private static XYPlot linePanel(String label, List<XYSeries> series, boolean markers) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, ResultChartStyle.colour(i));
            r.setSeriesStroke(i, ResultChartStyle.line(i == 0 ? 1f : 2f));
        }
        if (markers) {
            r.setSeriesShapesVisible(1, true);
            r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot p = new XYPlot(data, null, ResultChartStyle.axis(label), r);
        ResultChartStyle.stylePanel(p);
        return p;
    }

    /** |E| (left) and |I| (right) weight histograms before (grey) and after (colour) training. */
    public static JFreeChart weights(WeightHistogram eBefore, WeightHistogram eAfter, WeightHistogram iBefore,
                                     WeightHistogram iAfter, String title, String subtitle) {
        NumberAxis count = ResultChartStyle.axis("Synapses");
        count.setAutoRangeIncludesZero(true);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(count);
        plot.setGap(24);
        plot.add(histogramPanel("|excitatory weight|", eBefore, eAfter, NetworkPictures.EXCITATORY), 1);
        plot.add(histogramPanel("|inhibitory weight|", iBefore, iAfter, NetworkPictures.INHIBITORY), 1);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem("before training", BEFORE, 2));
        legend.add(ResultChartStyle.legendItem("after training (E blue, I red)", NetworkPictures.EXCITATORY, 2));
        return ResultChartStyle.chart(plot, title, subtitle, legend);
    }

    private static XYPlot histogramPanel(String label, WeightHistogram before, WeightHistogram after, Color colour) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(steps("before", before));
        data.addSeries(steps("after", after));
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, BEFORE);
        r.setSeriesStroke(0, ResultChartStyle.line(2f));
        r.setSeriesPaint(1, colour);
        r.setSeriesStroke(1, ResultChartStyle.line(2f));
        NumberAxis x = ResultChartStyle.axis(label);
        x.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, x, null, r);
        ResultChartStyle.stylePanel(p);
        return p;
    }

    private static XYSeries steps(String name, WeightHistogram h) {
        XYSeries s = new XYSeries(name, false, true);
        for (int b = 0; b < h.counts().length; b++) {
            s.add(b * h.width(), h.counts()[b]);
        }
        s.add(h.counts().length * h.width(), 0);
        return s;
    }

    /**
     * The psychometric curve: fraction of correct choices against motion coherence, the network's
     * (held-out trials) beside the animal's; {@code animal} may be null.
     */
    public static JFreeChart psychometric(double[] coherences, double[] network, double[] animal, String animalName,
                                          String title, String subtitle) {
        XYSeries net = new XYSeries("trained network (held-out trials)");
        XYSeries monkey = new XYSeries(animalName == null ? "animal" : animalName);
        for (int i = 0; i < coherences.length; i++) {
            if (!Double.isNaN(network[i])) {
                net.add(coherences[i], network[i]);
            }
            if (animal != null && !Double.isNaN(animal[i])) {
                monkey.add(coherences[i], animal[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(net);
        if (animal != null) {
            data.addSeries(monkey);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, ResultChartStyle.colour(i));
            r.setSeriesStroke(i, ResultChartStyle.line(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        NumberAxis x = ResultChartStyle.axis("Motion coherence (%)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = ResultChartStyle.axis("Fraction correct");
        y.setRange(0.4, 1.02);
        XYPlot p = new XYPlot(data, x, y, r);
        ResultChartStyle.stylePanel(p);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem(net.getKey().toString(), ResultChartStyle.colour(0), 2));
        if (animal != null) {
            legend.add(ResultChartStyle.legendItem(monkey.getKey().toString(), ResultChartStyle.colour(1), 2));
        }
        return ResultChartStyle.chart(p, title, subtitle, legend);
    }

    /** One trial: input raster, recurrent raster (E blue, I red), potentials of a few neurons, and the readout. */
    public static JFreeChart trial(TrialRecording t, String title, String subtitle) {
        NumberAxis time = ResultChartStyle.axis("Time (ms)");
        time.setRange(0, t.steps() * t.dtMs());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        XYSeries inputs = new XYSeries("input", false, true);
        for (int i = 0; i < t.inputSteps().length; i++) {
            inputs.add(t.inputSteps()[i] * t.dtMs(), t.inputChannels()[i]);
        }
        plot.add(raster("Input", List.of(inputs), List.of(Color.DARK_GRAY), t.periods(), t.dtMs()), 2);
        XYSeries e = new XYSeries("E", false, true);
        XYSeries i = new XYSeries("I", false, true);
        for (int k = 0; k < t.spikeSteps().length; k++) {
            (t.spikeNeurons()[k] < t.excitatory() ? e : i).add(t.spikeSteps()[k] * t.dtMs(), t.spikeNeurons()[k]);
        }
        plot.add(raster("Neuron", List.of(e, i), List.of(NetworkPictures.EXCITATORY, NetworkPictures.INHIBITORY), t.periods(),
                t.dtMs()), 3);
        XYSeriesCollection v = new XYSeriesCollection();
        XYLineAndShapeRenderer vr = new XYLineAndShapeRenderer(true, false);
        for (int n = 0; n < t.neurons().length; n++) {
            XYSeries s = new XYSeries((t.neurons()[n] < t.excitatory() ? "E " : "I ") + t.neurons()[n], false, true);
            for (int step = 0; step < t.steps(); step++) {
                s.add(step * t.dtMs(), t.voltages()[n][step]);
            }
            v.addSeries(s);
            vr.setSeriesPaint(n, t.neurons()[n] < t.excitatory() ? NetworkPictures.EXCITATORY : NetworkPictures.INHIBITORY);
            vr.setSeriesStroke(n, ResultChartStyle.line(1f));
        }
        XYPlot vp = new XYPlot(v, null, ResultChartStyle.axis("V"), vr);
        ResultChartStyle.styleTracePanel(vp);
        plot.add(vp, 2);
        XYSeriesCollection r = new XYSeriesCollection();
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, false);
        for (int o = 0; o < t.readout().length; o++) {
            XYSeries s = new XYSeries("readout " + t.classNames().get(o), false, true);
            for (int step = 0; step < t.steps(); step++) {
                s.add(step * t.dtMs(), t.readout()[o][step]);
            }
            r.addSeries(s);
            rr.setSeriesPaint(o, ResultChartStyle.colour(o));
            rr.setSeriesStroke(o, ResultChartStyle.line(o == t.label() ? 2.5f : 1.2f));
        }
        XYPlot rp = new XYPlot(r, null, ResultChartStyle.axis("Readout"), rr);
        ResultChartStyle.styleTracePanel(rp);
        markPeriods(rp, t.periods(), t.dtMs());
        plot.add(rp, 2);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem("excitatory", NetworkPictures.EXCITATORY, 2));
        legend.add(ResultChartStyle.legendItem("inhibitory", NetworkPictures.INHIBITORY, 2));
        for (int o = 0; o < t.readout().length; o++) {
            legend.add(ResultChartStyle.legendItem("readout " + t.classNames().get(o) + (o == t.label() ? " (true)" : ""),
                    ResultChartStyle.colour(o), o == t.label() ? 2.5f : 1.2f));
        }
        return ResultChartStyle.chart(plot, title, subtitle, legend);
    }

    private static XYPlot raster(String label, List<XYSeries> series, List<Color> colours, List<Period> periods, double dt) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, colours.get(i));
            r.setSeriesShape(i, new Rectangle2D.Double(-0.75, -1.5, 1.5, 3));
        }
        NumberAxis y = ResultChartStyle.axis(label);
        y.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, null, y, r);
        ResultChartStyle.styleTracePanel(p);
        markPeriods(p, periods, dt);
        return p;
    }

    private static void markPeriods(XYPlot p, List<Period> periods, double dt) {
        int k = 0;
        for (Period period : periods) {
            if (period.name().startsWith("cue") || period.name().contains("recall") || period.name().contains("decision")
                    || period.name().contains("stimulus") || period.name().contains("test") || period.name().contains("sample")) {
                IntervalMarker m = new IntervalMarker(period.start() * dt, period.end() * dt,
                        new Color(0xff, 0xe0, 0x80, k++ % 2 == 0 ? 60 : 40));
                p.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
            }
        }
    }
}
