package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The best-parameter chart draws positions within the bounds and names each parameter's real value. */
class TrajectoryChartTest {

    @Test
    void theLegendGivesTheNewestValuesInTheirUnits() {
        TrajectoryChart t = new TrajectoryChart("Best parameters", "Iteration", "position", "");
        t.resetScaled(List.of(new TrajectoryChart.Scale("gNa", 0.01, 40, "uS"),
                new TrajectoryChart.Scale("Vth", -65, -50, "mV"), new TrajectoryChart.Scale("k", 0, 2, "")));
        assertEquals(List.of("gNa", "Vth", "k"), t.legendLabels(), "no values before the first point");
        t.add(0, new double[] {0.5, 0.0, 0.25});
        assertEquals(List.of("gNa 20.005 uS", "Vth -65 mV", "k 0.5"), t.legendLabels());
        t.replaceLast(new double[] {1.0, 1.0, Double.NaN});
        assertEquals(List.of("gNa 40 uS", "Vth -50 mV", "k \u2014"), t.legendLabels());
        assertEquals(1, t.pointCount());
    }
}
