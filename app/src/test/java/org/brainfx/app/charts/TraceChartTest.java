package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.StepProtocol;
import org.brainfx.engine.sim.SweepInput;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation chart: its panels, axes and series, and its PNG rendering. */
class TraceChartTest {
    private static CompiledModel hh;
    private static SimulationResult result;
    private static double[][] stimulus;

    @BeforeAll
    static void simulateTwoSweeps() {
        hh = ModelCompiler.compile(ModelLibrary.get("hh"));
        stimulus = new double[][] {
                StepProtocol.of(0, 5, 0.5, 45).sample(0.01),
                StepProtocol.of(0, 5, 2, 45).sample(0.01),
        };
        result = new Simulator(hh).run(LaneValues.defaults(hh, 2), SweepInput.tiled(stimulus, 1, 0),
                stimulus[0].length, 0.01, List.of("V", "n"));
    }

    @Test
    void onePanelPerRecordedStateAndOneForTheStimulusWithUnitsOnTheAxes() {
        JFreeChart chart = TraceChart.create(hh, result, stimulus, 0, "two steps", 800);

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(3, panels.size());
        assertEquals("V (mV)", panels.get(0).getRangeAxis().getLabel());
        assertEquals("n", panels.get(1).getRangeAxis().getLabel());
        assertEquals("I (nA)", panels.get(2).getRangeAxis().getLabel());
        assertEquals("Time (ms)", plot.getDomainAxis().getLabel());
        assertEquals(50, plot.getDomainAxis().getUpperBound(), 1e-9);
        assertEquals("two steps", chart.getTitle().getText());
        for (XYPlot panel : panels) {
            assertEquals(2, panel.getDataset().getSeriesCount(), "one series per sweep");
            assertTrue(panel.getDataset().getItemCount(0) <= 1600, "decimated to the width");
        }
        assertEquals(2, plot.getLegendItems().getItemCount(), "one legend entry per sweep, not per panel");
    }

    @Test
    void rendersToAPngOfTheRequestedSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("sub/chart.png");

        ChartPngWriter.write(TraceChart.create(hh, result, stimulus, 0, "two steps", 640), png, 640, 480);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
    }
}
