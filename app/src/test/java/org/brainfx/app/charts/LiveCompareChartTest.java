package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The live race chart: one curve per run coloured by optimizer, and a loss axis on whole decades. */
class LiveCompareChartTest {

    @Test
    void theLossAxisSpansWholeDecadesAroundTheCurvesAndTheTarget() {
        LiveCompareChart chart = new LiveCompareChart("race", "empty", "Wall time (s)", "Best loss");
        chart.reset(List.of("de", "random"), 2, 1.0, "two optimizers");
        XYPlot plot = chart.chart().getXYPlot();

        chart.show("de #1", "de", new double[][] {{0.1, 0.5}, {30, 20}});
        assertEquals(1, plot.getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(100, plot.getRangeAxis().getUpperBound(), 1e-9);

        chart.show("random #1", "random", new double[][] {{0.1, 1.9}, {40, 0.005}});
        assertEquals(1e-3, plot.getRangeAxis().getLowerBound(), 1e-15);
        assertEquals(2.1, plot.getDomainAxis().getUpperBound(), 1e-12, "the time axis spans the budget");
    }

    @Test
    void aRunsCurveIsReplacedNotAddedAndEachOptimizerKeepsItsColour() {
        LiveCompareChart chart = new LiveCompareChart("race", "empty", "Wall time (s)", "Best loss");
        chart.reset(List.of("lbfgsb", "de"), 1, null, "");
        chart.show("de #1", "de", new double[][] {{0.1}, {3}});
        chart.show("de #1", "de", new double[][] {{0.1, 0.2}, {3, 2}});
        chart.show("de #2", "de", new double[][] {{0.1}, {3}});

        XYPlot plot = chart.chart().getXYPlot();
        assertEquals(2, chart.runCount());
        assertEquals(2, plot.getDataset().getItemCount(0));
        assertEquals(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1));
        assertEquals(2, plot.getLegendItems().getItemCount(), "a legend entry per optimizer, not per run");

        chart.reset(List.of("random"), 1, null, "");
        assertEquals(0, chart.runCount());
    }
}
