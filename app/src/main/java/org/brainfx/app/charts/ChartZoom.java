package org.brainfx.app.charts;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;

/**
 * Zooming a chart that was drawn elsewhere: to a dragged rectangle, by a wheel step, or back to
 * its data's full range, in the coordinates of the drawing described by a {@link ChartRenderingInfo}
 * (the arithmetic of JFreeChart's own viewers, which only zoom the charts they draw themselves).
 */
final class ChartZoom {

    private ChartZoom() {
    }

    /**
     * Zooms the (sub)plot under {@code selection} to it; false when it covers no data area or the
     * plot cannot zoom.
     */
    static boolean toRectangle(JFreeChart chart, ChartRenderingInfo drawn, Rectangle2D selection) {
        Rectangle2D area = dataArea(drawn, new Point2D.Double(selection.getCenterX(), selection.getCenterY()));
        if (area == null || !(chart.getPlot() instanceof Zoomable zoomable)) {
            return false;
        }
        Rectangle2D s = selection.createIntersection(area);
        if (s.getWidth() <= 0 || s.getHeight() <= 0) {
            return false;
        }
        double hLower = (s.getMinX() - area.getMinX()) / area.getWidth();
        double hUpper = (s.getMaxX() - area.getMinX()) / area.getWidth();
        double vLower = (area.getMaxY() - s.getMaxY()) / area.getHeight();
        double vUpper = (area.getMaxY() - s.getMinY()) / area.getHeight();
        // A combined plot zooms the subplot that contains this point.
        Point2D inside = new Point2D.Double(s.getCenterX(), s.getCenterY());
        PlotRenderingInfo info = drawn.getPlotInfo();
        quietly(chart.getPlot(), () -> {
            boolean vertical = zoomable.getOrientation() == PlotOrientation.VERTICAL;
            if (zoomable.isDomainZoomable()) {
                zoomable.zoomDomainAxes(vertical ? hLower : vLower, vertical ? hUpper : vUpper, info, inside);
            }
            if (zoomable.isRangeZoomable()) {
                zoomable.zoomRangeAxes(vertical ? vLower : hLower, vertical ? vUpper : hUpper, info, inside);
            }
        });
        return true;
    }

    /**
     * Scales both axes of the (sub)plot under {@code at} by {@code factor} around that point
     * (below 1 zooms in); false when {@code at} lies outside every data area.
     */
    static boolean byFactor(JFreeChart chart, ChartRenderingInfo drawn, Point2D at, double factor) {
        if (dataArea(drawn, at) == null || !(chart.getPlot() instanceof Zoomable zoomable)) {
            return false;
        }
        PlotRenderingInfo info = drawn.getPlotInfo();
        quietly(chart.getPlot(), () -> {
            if (zoomable.isDomainZoomable()) {
                zoomable.zoomDomainAxes(factor, info, at, true);
            }
            if (zoomable.isRangeZoomable()) {
                zoomable.zoomRangeAxes(factor, info, at, true);
            }
        });
        return true;
    }

    /** Gives every axis its automatic range again (the whole data). */
    static void reset(JFreeChart chart, ChartRenderingInfo drawn) {
        if (chart.getPlot() instanceof Zoomable zoomable) {
            // A factor of zero means "automatic range"; a point outside every subplot means "all of them".
            Point2D nowhere = new Point2D.Double(-1, -1);
            quietly(chart.getPlot(), () -> {
                if (zoomable.isDomainZoomable()) {
                    zoomable.zoomDomainAxes(0, drawn.getPlotInfo(), nowhere, false);
                }
                if (zoomable.isRangeZoomable()) {
                    zoomable.zoomRangeAxes(0, drawn.getPlotInfo(), nowhere, false);
                }
            });
        }
    }

    /** The data area of the plot, or of the subplot under {@code at} in a combined plot; null outside it. */
    static Rectangle2D dataArea(ChartRenderingInfo drawn, Point2D at) {
        PlotRenderingInfo info = drawn.getPlotInfo();
        Rectangle2D area;
        if (info.getSubplotCount() == 0) {
            area = info.getDataArea();
        } else {
            int index = info.getSubplotIndex(at);
            area = index < 0 ? null : info.getSubplotInfo(index).getDataArea();
        }
        return area != null && area.contains(at) ? area : null;
    }

    /** Runs {@code zoom} with the plot's change events held back, so the chart redraws once. */
    private static void quietly(Plot plot, Runnable zoom) {
        boolean notify = plot.isNotify();
        plot.setNotify(false);
        try {
            zoom.run();
        } finally {
            plot.setNotify(notify);
        }
    }
}
