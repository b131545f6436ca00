package org.brainfx.app.charts;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Fits a chart's decorations to a narrow drawing: below {@link #COMPACT_WIDTH} the title and
 * legend shrink and the explanatory subtitle and vertical-axis labels give their room to the
 * plot; at full width everything is as the chart was built. The dashboard's small live charts
 * (150-250 pixels wide) otherwise wrapped their titles and ran the subtitle into the axis label.
 *
 * <p>Not thread-safe: use it where the chart is drawn (the painter thread of a painted chart).
 */
final class SmallChartLayout {
    /** Widths below this, in layout pixels, get the compact decorations. */
    static final double COMPACT_WIDTH = 340;
    private static final float TITLE_SIZE = 13f;
    private static final float SMALL_TEXT_SIZE = 10f;
    private static final RectangleInsets COMPACT_PADDING = new RectangleInsets(6, 4, 4, 8);

    private final JFreeChart chart;
    private final RectangleInsets padding;
    private final Font titleFont;
    private final Map<Title, Boolean> subtitlesVisible = new LinkedHashMap<>();
    private final Map<LegendTitle, Font> legendFonts = new LinkedHashMap<>();
    private final Map<Axis, String> rangeLabels = new LinkedHashMap<>();
    private final Map<Axis, Font> tickFonts = new LinkedHashMap<>();
    private boolean compact;

    /** Remembers how {@code chart} is decorated now, as its full-width look. */
    SmallChartLayout(JFreeChart chart) {
        this.chart = chart;
        padding = chart.getPadding();
        titleFont = chart.getTitle() == null ? null : chart.getTitle().getFont();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle legend) {
                legendFonts.put(legend, legend.getItemFont());
            } else if (t instanceof TextTitle) {
                subtitlesVisible.put(t, t.isVisible());
            }
        }
        for (XYPlot p : xyPlots(chart.getPlot())) {
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                Axis a = p.getRangeAxis(i);
                if (a != null) {
                    rangeLabels.put(a, a.getLabel());
                    tickFonts.put(a, a.getTickLabelFont());
                }
            }
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                Axis a = p.getDomainAxis(i);
                if (a != null) {
                    tickFonts.put(a, a.getTickLabelFont());
                }
            }
        }
    }

    /** Applies the compact or the full-width decorations for a drawing {@code width} layout pixels wide. */
    void fit(double width) {
        boolean small = width < COMPACT_WIDTH;
        if (small == compact) {
            return;
        }
        compact = small;
        // One change event for all of it: each setter would otherwise ask for its own redraw.
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            chart.setPadding(small ? COMPACT_PADDING : padding);
            if (titleFont != null) {
                chart.getTitle().setFont(small ? titleFont.deriveFont(TITLE_SIZE) : titleFont);
            }
            subtitlesVisible.forEach((t, visible) -> t.setVisible(!small && visible));
            legendFonts.forEach((l, f) -> l.setItemFont(small ? f.deriveFont(SMALL_TEXT_SIZE) : f));
            rangeLabels.forEach((a, label) -> a.setLabel(small ? null : label));
            tickFonts.forEach((a, f) -> a.setTickLabelFont(small ? f.deriveFont(SMALL_TEXT_SIZE) : f));
        } finally {
            chart.setNotify(notify);
        }
    }

    /** True while the compact decorations are applied. */
    boolean compact() {
        return compact;
    }

    /** The plot and, for combined plots, its subplots. */
    private static List<XYPlot> xyPlots(Plot plot) {
        List<XYPlot> all = new ArrayList<>();
        if (plot instanceof XYPlot xy) {
            all.add(xy);
        }
        if (plot instanceof CombinedDomainXYPlot combined) {
            all.addAll(combined.getSubplots());
        } else if (plot instanceof CombinedRangeXYPlot combined) {
            all.addAll(combined.getSubplots());
        }
        return all;
    }
}
