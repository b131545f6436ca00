package org.brainfx.app.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;

/**
 * Repaints a chart built in the light {@link ResultChartStyle} for the workbench's dark theme:
 * the same layout and series colours on the dark surfaces of {@code dark.css}. Panels a chart adds
 * later (a live chart showing more sweeps) are repainted too, as the chart changes.
 */
public final class DarkChartTheme {

    /** The dark theme's surface ({@code -bfx-surface} in dark.css). */
    static final Color SURFACE = new Color(0x1B1F27);
    private static final Color PANEL = new Color(0x1F242D);
    private static final Color TEXT = new Color(0xE4E8EF);
    private static final Color MUTED = new Color(0x9AA4B5);
    private static final Color GRID = new Color(0x323947);
    private static final Color MINOR_GRID = new Color(0x272C36);
    private static final Color OUTLINE = new Color(0x4A5263);
    private static final Color LABEL_GROUND = new Color(0x1F, 0x24, 0x2D, 200);
    /** What a near-black line (a target trace, a target level) becomes: light grey, as seen on the dark panel. */
    private static final Color LIGHT_LINE = new Color(0xC8CDD6);

    private DarkChartTheme() {
    }

    /** True when the workbench runs its dark theme (system property {@code brainfx.theme=dark}). */
    public static boolean active() {
        return "dark".equalsIgnoreCase(System.getProperty("brainfx.theme", "light"));
    }

    /** Repaints {@code chart} dark now and whenever it changes (new panels, new titles). */
    public static void follow(JFreeChart chart) {
        boolean[] applying = {false};
        apply(chart);
        chart.addChangeListener(e -> {
            if (!applying[0]) {
                applying[0] = true;
                try {
                    apply(chart);
                } finally {
                    applying[0] = false;
                }
            }
        });
    }

    /** Repaints {@code chart} dark, once. */
    static void apply(JFreeChart chart) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            set(chart.getBackgroundPaint(), SURFACE, chart::setBackgroundPaint);
            List<Title> titles = new ArrayList<>(chart.getSubtitles());
            if (chart.getTitle() != null) {
                titles.add(chart.getTitle());
            }
            for (Title t : titles) {
                if (t instanceof TextTitle text) {
                    set(text.getPaint(), isGrey(text.getPaint()) && chart.getTitle() != text ? MUTED : TEXT, text::setPaint);
                } else if (t instanceof LegendTitle legend) {
                    set(legend.getItemPaint(), TEXT, legend::setItemPaint);
                    set(legend.getBackgroundPaint(), SURFACE, legend::setBackgroundPaint);
                }
            }
            for (XYPlot p : panels(chart.getPlot())) {
                set(p.getBackgroundPaint(), PANEL, p::setBackgroundPaint);
                set(p.getOutlinePaint(), OUTLINE, p::setOutlinePaint);
                set(p.getDomainGridlinePaint(), GRID, p::setDomainGridlinePaint);
                set(p.getRangeGridlinePaint(), GRID, p::setRangeGridlinePaint);
                set(p.getRangeMinorGridlinePaint(), MINOR_GRID, p::setRangeMinorGridlinePaint);
                set(p.getDomainMinorGridlinePaint(), MINOR_GRID, p::setDomainMinorGridlinePaint);
                for (Object a : p.getAnnotations()) {
                    if (a instanceof XYTitleAnnotation t && t.getTitle() instanceof TextTitle label) {
                        set(label.getPaint(), MUTED, label::setPaint);
                        set(label.getBackgroundPaint(), LABEL_GROUND, label::setBackgroundPaint);
                    }
                }
                lines(p);
                markers(p);
                for (int i = 0; i < p.getRangeAxisCount(); i++) {
                    axis(p.getRangeAxis(i));
                }
                for (int i = 0; i < p.getDomainAxisCount(); i++) {
                    axis(p.getDomainAxis(i));
                }
            }
            if (chart.getPlot() instanceof XYPlot top) {
                axis(top.getDomainAxis());
                axis(top.getRangeAxis());
            }
        } finally {
            chart.setNotify(notify);
        }
    }

    /** Near-black series and their legend swatches turn light; the palette's colours stay. */
    private static void lines(XYPlot p) {
        for (int r = 0; r < p.getRendererCount(); r++) {
            XYItemRenderer renderer = p.getRenderer(r);
            XYDataset data = p.getDataset(r);
            if (renderer == null || data == null) {
                continue;
            }
            for (int series = 0; series < data.getSeriesCount(); series++) {
                Paint paint = renderer.getSeriesPaint(series);
                if (isNearBlack(paint)) {
                    renderer.setSeriesPaint(series, LIGHT_LINE);
                }
            }
        }
        LegendItemCollection fixed = p.getFixedLegendItems();
        for (int i = 0; fixed != null && i < fixed.getItemCount(); i++) {
            LegendItem item = fixed.get(i);
            if (isNearBlack(item.getFillPaint())) {
                item.setFillPaint(LIGHT_LINE);
            }
            if (isNearBlack(item.getLinePaint())) {
                item.setLinePaint(LIGHT_LINE);
            }
        }
    }

    /** Marker lines and labels (a target level, a fit window's loss terms) readable on the dark panel. */
    private static void markers(XYPlot p) {
        List<Marker> all = new ArrayList<>();
        int indices = Math.max(1, Math.max(p.getDatasetCount(), p.getRangeAxisCount()));
        for (Layer layer : List.of(Layer.FOREGROUND, Layer.BACKGROUND)) {
            for (int i = 0; i < indices; i++) {
                addAll(all, p.getDomainMarkers(i, layer));
                addAll(all, p.getRangeMarkers(i, layer));
            }
        }
        for (Marker m : all) {
            if (m instanceof ValueMarker && isNearBlack(m.getPaint())) {
                m.setPaint(MUTED);
            }
            if (m.getLabel() != null) {
                if (isNearBlack(m.getLabelPaint())) {
                    m.setLabelPaint(TEXT);
                }
                if (m.getLabelBackgroundColor() != null && !LABEL_GROUND.equals(m.getLabelBackgroundColor())) {
                    m.setLabelBackgroundColor(LABEL_GROUND);
                }
            }
        }
    }

    private static void addAll(List<Marker> to, Collection<?> markers) {
        if (markers != null) {
            for (Object m : markers) {
                to.add((Marker) m);
            }
        }
    }

    /** A grey too dark to see on the dark panel. */
    private static boolean isNearBlack(Paint p) {
        return p instanceof Color c && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue() && c.getRed() <= 0x60;
    }

    private static void axis(Axis a) {
        if (a == null) {
            return;
        }
        set(a.getLabelPaint(), TEXT, a::setLabelPaint);
        set(a.getTickLabelPaint(), TEXT, a::setTickLabelPaint);
        set(a.getAxisLinePaint(), OUTLINE, a::setAxisLinePaint);
        set(a.getTickMarkPaint(), OUTLINE, a::setTickMarkPaint);
    }

    private static List<XYPlot> panels(Plot plot) {
        List<XYPlot> out = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot c) {
            out.addAll(c.getSubplots());
        } else if (plot instanceof CombinedRangeXYPlot c) {
            out.addAll(c.getSubplots());
        }
        if (plot instanceof XYPlot xy) {
            out.add(xy);
        }
        return out;
    }

    private static boolean isGrey(Paint p) {
        return p instanceof Color c && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue() && c.getRed() > 0x60;
    }

    /** Sets {@code dark} unless the paint already is it (setters notify even when nothing changes). */
    private static void set(Paint current, Paint dark, Consumer<Paint> setter) {
        if (!dark.equals(current)) {
            setter.accept(dark);
        }
    }
}
