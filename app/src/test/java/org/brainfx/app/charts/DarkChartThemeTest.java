package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;

/** The dark theme repaints a light chart's surfaces and text, also on panels added later; series keep their colours. */
class DarkChartThemeTest {

    private static XYPlot panel() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ResultChartStyle.colour(0));
        XYPlot p = new XYPlot(new DefaultXYDataset(), null, ResultChartStyle.axis("V (mV)"), r);
        ResultChartStyle.stylePanel(p);
        return p;
    }

    @Test
    void surfacesAndTextTurnDarkAndNewPanelsFollow() {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ResultChartStyle.axis("Time (ms)"));
        plot.add(panel());
        JFreeChart chart = ResultChartStyle.chart(plot, "Voltage", "a subtitle", null);
        DarkChartTheme.follow(chart);

        assertEquals(DarkChartTheme.SURFACE, chart.getBackgroundPaint());
        XYPlot first = plot.getSubplots().get(0);
        assertNotEquals(Color.WHITE, first.getBackgroundPaint());
        assertNotEquals(ResultChartStyle.TEXT, first.getRangeAxis().getLabelPaint());
        assertNotEquals(ResultChartStyle.TEXT, ((NumberAxis) plot.getDomainAxis()).getTickLabelPaint());
        assertEquals(ResultChartStyle.colour(0), first.getRenderer().getSeriesPaint(0), "series keep their colour");

        XYPlot added = panel();
        plot.add(added);
        assertEquals(first.getBackgroundPaint(), added.getBackgroundPaint(), "a panel added later is repainted");
    }

    @Test
    void nearBlackLinesLegendSwatchesAndMarkerLabelsTurnLight() {
        XYPlot p = panel();
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("model", new double[][]{{0, 1}, {0, 1}});
        data.addSeries("target", new double[][]{{0, 1}, {1, 0}});
        p.setDataset(data);
        Color nearBlack = new Color(0x303030);
        p.getRenderer().setSeriesPaint(1, nearBlack);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem("model", ResultChartStyle.colour(0), 1.2f));
        legend.add(ResultChartStyle.legendItem("target", nearBlack, 1.2f));
        p.setFixedLegendItems(legend);
        p.addRangeMarker(CompareChart.targetLine(1e-6), Layer.BACKGROUND);
        JFreeChart chart = ResultChartStyle.chart(p, "Playground", null, legend);

        DarkChartTheme.follow(chart);

        assertTrue(light(p.getRenderer().getSeriesPaint(1)), "the target trace is visible on the dark panel");
        assertEquals(ResultChartStyle.colour(0), p.getRenderer().getSeriesPaint(0), "palette colours stay");
        assertTrue(light(p.getFixedLegendItems().get(1).getFillPaint()), "and so is its legend swatch");
        Marker target = p.getRangeMarkers(Layer.BACKGROUND).iterator().next();
        assertTrue(light(target.getLabelPaint()), "the marker's label is light");
        assertFalse(light(target.getLabelBackgroundColor()), "on a dark ground");
        assertTrue(light(target.getPaint()), "its line shows");
    }

    private static boolean light(Paint paint) {
        Color c = (Color) paint;
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() > 128;
    }
}
