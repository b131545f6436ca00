package org.brainfx.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every BrainFX chart (traces, recordings, fit results, loss curves, optimizer
 * races, the playground): palette, fonts, axes, panels and legends, so that no chart keeps a
 * private copy that drifts.
 */
public final class ResultChartStyle {
    /** Tableau 10: distinct, prints well, and stays apart for common colour blindness. */
    public static final List<Color> PALETTE = List.of(
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC));
    /** Titles, axis labels and tick labels. */
    public static final Color TEXT = new Color(0x303030);
    static final Color MUTED = new Color(0x707070);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color MINOR_GRID = new Color(0xF2F2F2);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Axis labels. */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Tick labels and small annotations. */
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** A smallest positive loss drawn, so a loss of exactly 0 does not stretch the log axis without bound. */
    static final double LOSS_FLOOR = 1e-30;

    private ResultChartStyle() {
    }

    /** The palette colour of series {@code index} (any integer), repeating after ten. */
    public static Color colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** A solid line of the given width, round caps and joins. */
    public static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line of the given width. */
    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** A linear axis with the shared fonts and colours that does not force zero into its range. */
    public static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        styleAxis(a);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeMinimumSize(1e-9);
        return a;
    }

    /**
     * A base-10 log axis spanning whole decades around {@code values} (non-positive and
     * non-finite values ignored), ticks labelled as powers of ten.
     */
    static LogAxis logAxis(String label, List<Double> values) {
        LogAxis a = new LogAxis(label);
        styleAxis(a);
        a.setBase(10);
        a.setBaseSymbol("10");
        a.setSmallestValue(LOSS_FLOOR);
        a.setMinorTickMarksVisible(true);
        // Powers of ten carry their exponent as a superscript, which needs a larger font to stay legible.
        a.setTickLabelFont(LABEL_FONT);
        spanDecades(a, values);
        return a;
    }

    /**
     * Sets a log axis to the whole decades around {@code values} (non-positive and non-finite
     * values ignored; nothing changes when none is left), a tick label per decade up to ten.
     */
    static void spanDecades(LogAxis a, Iterable<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, Math.max(v, LOSS_FLOOR));
                max = Math.max(max, v);
            }
        }
        if (min <= max) {
            spanDecades(a, min, max);
        }
    }

    /**
     * Sets a log axis to the whole decades around {@code min … max} (both positive), at least one,
     * with a label per decade up to 10 decades and one every few decades beyond.
     */
    static void spanDecades(LogAxis a, double min, double max) {
        double lower = Math.floor(Math.log10(min));
        double upper = Math.ceil(Math.log10(max));
        if (upper - lower < 1) {
            upper = lower + 1;
        }
        a.setRange(Math.pow(10, lower), Math.pow(10, upper));
        double decades = upper - lower;
        double perTick = decades > 10 ? Math.ceil(decades / 10) : 1;
        // Minor ticks split the span between labels linearly: 2·10ᵏ … 9·10ᵏ when a label marks
        // every decade; across several decades they would fall at meaningless values, so none.
        a.setTickUnit(new NumberTickUnit(perTick,
                new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)), perTick == 1 ? 9 : 1));
    }

    /** Gives an axis the shared label and tick fonts, text colour and grey axis line and tick marks. */
    public static void styleAxis(ValueAxis a) {
        a.setLabelFont(LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(Color.GRAY);
        a.setTickMarkPaint(Color.GRAY);
    }

    /**
     * A panel of raw traces: white, light grid at the major ticks only (a minor grid would crowd
     * dense sweeps), thin outline, axes flush with the data area.
     */
    public static void styleTracePanel(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlinePaint(Color.LIGHT_GRAY);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setDomainGridlineStroke(new BasicStroke(1f));
        p.setRangeGridlineStroke(new BasicStroke(1f));
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A panel of results: as {@link #styleTracePanel}, plus a fainter grid at the range axis's minor ticks. */
    public static void stylePanel(XYPlot p) {
        styleTracePanel(p);
        p.setRangeMinorGridlinesVisible(true);
        p.setRangeMinorGridlinePaint(MINOR_GRID);
        p.setRangeMinorGridlineStroke(new BasicStroke(1f));
    }

    /** A legend entry drawn as a short line of {@code paint}. */
    static LegendItem legendItem(String label, Paint paint, float width) {
        Shape swatch = new Rectangle(16, Math.max(2, Math.round(width + 1)));
        return new LegendItem(label, null, null, null, swatch, paint);
    }

    /** A chart with a left-aligned title and grey subtitle, and the legend (if any) at the top right. */
    static JFreeChart chart(Plot plot, String title, String subtitle, LegendItemCollection legend) {
        boolean hasLegend = legend != null && legend.getItemCount() > 0;
        if (hasLegend && plot instanceof XYPlot xy) {
            xy.setFixedLegendItems(legend);
        }
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, hasLegend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(10, 10, 10, 20));
        TextTitle main = new TextTitle(title, TITLE_FONT);
        main.setPaint(TEXT);
        main.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(main);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(Color.GRAY);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 0, 8, 0));
            chart.addSubtitle(sub);
        }
        styleLegend(chart);
        return chart;
    }

    /** Puts the chart's legend, if it has one, frameless at the top right in the subtitle font. */
    static void styleLegend(JFreeChart chart) {
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.TOP);
            l.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            l.setFrame(BlockBorder.NONE);
            l.setItemFont(SUBTITLE_FONT);
            l.setItemPaint(TEXT);
        }
    }

    /** A small grey label in the panel's top left corner, on a translucent white ground, e.g. "sweep 2". */
    static XYTitleAnnotation cornerLabel(String text) {
        TextTitle label = new TextTitle(text, TICK_FONT);
        label.setPaint(MUTED);
        label.setBackgroundPaint(new Color(255, 255, 255, 200));
        label.setPadding(new RectangleInsets(2, 4, 2, 4));
        return new XYTitleAnnotation(0.005, 0.98, label, RectangleAnchor.TOP_LEFT);
    }
}
