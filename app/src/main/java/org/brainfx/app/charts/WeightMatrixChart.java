package org.brainfx.app.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.brainfx.engine.train.EiRsnn;
import org.brainfx.engine.train.RsnnWeights;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The recurrent weight matrix of a trained E/I network as a picture: a row per presynaptic neuron
 * (excitatory first, then inhibitory), a column per postsynaptic neuron, each effective weight
 * |w| coloured by its type (E blue, I red, absent white) on the type's own scale — the inhibitory
 * weights are several times the excitatory ones, one scale would hide the latter.
 */
public final class WeightMatrixChart {
    /** The share of weights below the top of each colour scale (the largest few saturate rather than wash out the rest). */
    private static final double SCALE_QUANTILE = 0.99;

    private WeightMatrixChart() {
    }

    /** The picture and what its colours mean. */
    public record Matrix(BufferedImage image, int presynaptic, int postsynaptic, int excitatory, double excitatoryTop,
                         double inhibitoryTop) {
        /** The colour scales in words, for a caption. */
        public String caption() {
            return String.format(Locale.ROOT, "rows: %d E then %d I presynaptic; colour: |w| up to %.3g (E), %.3g (I)",
                    excitatory, presynaptic - excitatory, excitatoryTop, inhibitoryTop);
        }
    }

    /** The matrix of {@code weights} in {@code net}; cheap enough for a background thread at every evaluation. */
    public static Matrix of(EiRsnn net, RsnnWeights weights) {
        int n = net.neurons();
        int nE = net.excitatory();
        int nI = net.inhibitory();
        double topE = top(weights.excitatory(), net.excitatoryMask());
        double topI = top(weights.inhibitory(), net.inhibitoryMask());
        BufferedImage image = new BufferedImage(n, nE + nI, BufferedImage.TYPE_INT_RGB);
        paint(image, 0, weights.excitatory(), net.excitatoryMask(), nE, n, topE, NetworkPictures.EXCITATORY);
        paint(image, nE, weights.inhibitory(), net.inhibitoryMask(), nI, n, topI, NetworkPictures.INHIBITORY);
        return new Matrix(image, nE + nI, n, nE, topE, topI);
    }

    /** An empty chart with axes for the matrix; {@link #show} puts a matrix in it. */
    public static JFreeChart chart(String title) {
        NumberAxis post = ResultChartStyle.axis("Postsynaptic neuron");
        NumberAxis pre = ResultChartStyle.axis("Presynaptic neuron (E, then I)");
        pre.setInverted(true);
        post.setAutoRange(false);
        pre.setAutoRange(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), post, pre, new XYLineAndShapeRenderer(false, false));
        ResultChartStyle.stylePanel(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return ResultChartStyle.chart(plot, title, null, new LegendItemCollection());
    }

    /** Shows {@code m} in a chart made by {@link #chart}, replacing the matrix shown before. */
    public static void show(JFreeChart chart, Matrix m) {
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        plot.clearAnnotations();
        plot.getDomainAxis().setRange(0, m.postsynaptic());
        plot.getRangeAxis().setRange(0, m.presynaptic());
        // Inverted range axis: y 0 is the top row; the annotation spans the matrix in data units.
        plot.addAnnotation(new XYDataImageAnnotation(m.image(), 0, 0, m.postsynaptic(), m.presynaptic(), true), false);
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle old) {
                chart.removeSubtitle(old);
                break;
            }
        }
        TextTitle caption = new TextTitle(m.caption(), ResultChartStyle.TICK_FONT);
        caption.setPaint(Color.GRAY);
        caption.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(caption);
        chart.setNotify(true);
    }

    private static void paint(BufferedImage image, int firstRow, float[] raw, boolean[] mask, int rows, int cols, double top,
                              Color colour) {
        int[] line = new int[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                double w = mask == null || mask[k] ? Math.abs(raw[k]) : 0;
                double f = top > 0 ? Math.min(1, w / top) : 0;
                line[j] = blend(colour, f);
            }
            image.setRGB(0, firstRow + i, cols, 1, line, 0, cols);
        }
    }

    /** White blended toward {@code c} by {@code f} (0..1). */
    private static int blend(Color c, double f) {
        int r = (int) Math.round(255 + (c.getRed() - 255) * f);
        int g = (int) Math.round(255 + (c.getGreen() - 255) * f);
        int b = (int) Math.round(255 + (c.getBlue() - 255) * f);
        return r << 16 | g << 8 | b;
    }

    /** The {@link #SCALE_QUANTILE} quantile of the present nonzero magnitudes, 0 when there are none. */
    private static double top(float[] raw, boolean[] mask) {
        float[] present = new float[raw.length];
        int count = 0;
        for (int k = 0; k < raw.length; k++) {
            float w = Math.abs(raw[k]);
            if ((mask == null || mask[k]) && w > 0) {
                present[count++] = w;
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(present, 0, count);
        return present[Math.min(count - 1, (int) Math.floor(SCALE_QUANTILE * (count - 1)))];
    }
}
