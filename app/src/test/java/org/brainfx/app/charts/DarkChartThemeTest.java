package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
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
}
