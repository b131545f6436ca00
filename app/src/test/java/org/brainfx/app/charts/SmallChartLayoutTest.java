package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** Narrow charts give the plot the room of their subtitle and vertical-axis label, and get them back when wide. */
class SmallChartLayoutTest {

    private static TrajectoryChart trajectories() {
        TrajectoryChart t = new TrajectoryChart("Best parameters", "Iteration", "position within bounds",
                "0 = lower bound, 1 = upper bound");
        t.reset(List.of("gL", "gNa", "gK", "Vth"));
        t.add(0, new double[]{0.1, 0.5, 0.9, 0.3});
        t.add(10, new double[]{0.2, 0.4, 0.8, 0.35});
        return t;
    }

    @Test
    void aNarrowChartDropsItsSubtitleAndAxisLabelAndShrinksItsTitleThenRestoresThem() {
        JFreeChart chart = trajectories().chart();
        float titleSize = chart.getTitle().getFont().getSize2D();
        String rangeLabel = chart.getXYPlot().getRangeAxis().getLabel();
        SmallChartLayout layout = new SmallChartLayout(chart);

        layout.fit(180);
        assertTrue(layout.compact());
        assertTrue(chart.getTitle().getFont().getSize2D() < titleSize);
        assertNull(chart.getXYPlot().getRangeAxis().getLabel());
        assertFalse(subtitle(chart).isVisible());
        assertEquals("Iteration", chart.getXYPlot().getDomainAxis().getLabel(), "the horizontal label stays");

        layout.fit(600);
        assertFalse(layout.compact());
        assertEquals(titleSize, chart.getTitle().getFont().getSize2D());
        assertEquals(rangeLabel, chart.getXYPlot().getRangeAxis().getLabel());
        assertTrue(subtitle(chart).isVisible());
    }

    @Test
    void theCompactChartGivesThePlotMoreRoom() {
        double full = dataArea(trajectories().chart(), 1000);
        double compact = dataArea(trajectories().chart(), 183);
        assertTrue(compact > 1.5 * full, "data area compact " + compact + " vs full " + full);
    }

    @Test
    void aCombinedPlotsSharedAxisLabelGoesToo() {
        JFreeChart loss = LossChart.live(new XYSeries("a"), new XYSeries("b"),
                List.of("Best loss", "Iteration", "Wall time (s)", "Best loss"));
        new SmallChartLayout(loss).fit(200);
        assertNull(loss.getXYPlot().getRangeAxis().getLabel());
    }

    /** The data area's size when the chart is drawn 183 × 209 pixels with its layout fitted to {@code fittedWidth}. */
    private static double dataArea(JFreeChart chart, double fittedWidth) {
        new SmallChartLayout(chart).fit(fittedWidth);
        BufferedImage image = new BufferedImage(183, 209, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, 183, 209), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return area.getWidth() * area.getHeight();
    }

    private static Title subtitle(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                return t;
            }
        }
        throw new AssertionError("no text subtitle");
    }
}
