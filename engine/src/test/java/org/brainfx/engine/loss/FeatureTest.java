package org.brainfx.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Feature values on hand-made traces whose answers are known. */
class FeatureTest {
    private static final double DT = 0.5;

    @Test
    void restingPotentialIsTheWindowMeanWithUniformGradient() {
        double[] v = {-70, -70, -60, -60, -50};
        Feature.Value f = Feature.RESTING_POTENTIAL.compute(v, new double[5], new int[0], new int[] {1, 4}, new int[2], DT);
        assertEquals(-190.0 / 3, f.value(), 1e-12);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, f.gradient(), 1e-15);
    }

    @Test
    void inputResistanceIsVoltageChangeOverCurrentChange() {
        double[] v = {-70, -70, -80, -80};
        double[] i = {0, 0, -0.5, -0.5};
        Feature.Value f = Feature.INPUT_RESISTANCE.compute(v, i, new int[0], new int[] {2, 4}, new int[] {0, 2}, DT);
        assertEquals(20, f.value(), 1e-12, "10 mV for 0.5 nA is 20 MOhm");
        assertArrayEquals(new double[] {1, 1, -1, -1}, f.gradient(), 1e-12);
    }

    @Test
    void apPeakPassesItsGradientToTheHighestSample() {
        double[] v = {-70, 30, 10, 40, -60};
        Feature.Value f = Feature.AP_PEAK.compute(v, new double[5], new int[0], new int[] {0, 3}, new int[2], DT);
        assertEquals(30, f.value());
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, f.gradient());
    }

    @Test
    void spikeTimingFeaturesAreMetricsWithDefinedEmptyCases() {
        double[] v = new double[40];
        java.util.Arrays.fill(v, -70);
        for (int t : new int[] {10, 11, 20, 21, 30, 31}) {
            v[t] = 0;
        }
        int[] spikes = {10, 20, 30};
        int[] window = {4, 40};
        Feature.Value latency = Feature.FIRST_SPIKE_LATENCY.compute(v, new double[40], spikes, window, new int[2], DT);
        assertEquals(3.0, latency.value(), 1e-12);
        assertNull(latency.gradient());
        assertEquals(5.0, Feature.MEAN_ISI.compute(v, new double[40], spikes, window, new int[2], DT).value(), 1e-12);
        assertEquals(1.0, Feature.AP_WIDTH.compute(v, new double[40], spikes, window, new int[2], DT).value(), 1e-12);
        assertEquals(18.0, Feature.FIRST_SPIKE_LATENCY.compute(v, new double[40], new int[0], window, new int[2], DT).value(),
                1e-12, "no spike: the window length");
        assertEquals(18.0, Feature.MEAN_ISI.compute(v, new double[40], new int[] {10}, window, new int[2], DT).value(), 1e-12);
    }
}
