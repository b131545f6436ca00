package org.brainfx.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Interpolated upstroke crossings of model and recorded spikes. */
class SpikeCrossingTest {
    private static final double RISE = 1.0;

    @Test
    void theCrossingsWeightsAreItsDerivativesBySample() {
        SpikeTrains s = new SpikeTrains(400, 1.0, 20.0);
        int spike = s.spikeSteps[0];
        SpikeCrossing c = SpikeCrossing.ofModelSpike(s.v, spike, -1, RISE);
        assertTrue(c.differentiable());
        assertTrue(c.last() < spike, "the crossing lies in the upstroke before the capped spike step");
        for (int k = 0; k < 3; k++) {
            int t = c.last() - 2 + k;
            double h = 1e-6;
            double[] up = s.v.clone();
            double[] down = s.v.clone();
            up[t] += h;
            down[t] -= h;
            double fd = (SpikeCrossing.ofModelSpike(up, spike, -1, RISE).step()
                    - SpikeCrossing.ofModelSpike(down, spike, -1, RISE).step()) / (2 * h);
            assertEquals(fd, c.weights()[k], 1e-6 * Math.max(1, Math.abs(fd)), "sample " + t);
        }
    }

    @Test
    void theCrossingIsContinuousWhenItMovesToTheNextInterval() {
        double theta = 20.0;
        int last = SpikeCrossing.ofModelSpike(new SpikeTrains(400, 1.0, theta).v, new SpikeTrains(400, 1.0, theta)
                .spikeSteps[0], -1, RISE).last();
        double lo = theta;
        double hi = theta + 0.2;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            SpikeTrains m = new SpikeTrains(400, 1.0, mid);
            if (SpikeCrossing.ofModelSpike(m.v, m.spikeSteps[0], -1, RISE).last() == last) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        SpikeTrains before = new SpikeTrains(400, 1.0, lo);
        SpikeTrains after = new SpikeTrains(400, 1.0, hi);
        SpikeCrossing a = SpikeCrossing.ofModelSpike(before.v, before.spikeSteps[0], -1, RISE);
        SpikeCrossing b = SpikeCrossing.ofModelSpike(after.v, after.spikeSteps[0], -1, RISE);
        assertEquals(a.last() + 1, b.last(), "the crossing moved one interval");
        assertEquals(a.step(), b.step(), 1e-9, "without a jump");
    }

    @Test
    void aCappedSpikeStepThatRisesLessThanTheThresholdIsSkipped() {
        double[] v = {-65, -65, -64.5, -63, -58, -50, -40.2, -40};
        SpikeCrossing c = SpikeCrossing.ofModelSpike(v, 7, -1, RISE);
        assertEquals(3, c.last(), "the run of fast rises that ends before the spike step starts at interval 3");
        assertEquals(3 - 1.5 + (1 - 0.5) / (1.5 - 0.5), c.step(), 1e-12);
        assertEquals(-64.5, c.levelBefore());
    }

    @Test
    void aSpikeWithoutAFastRiseHasNoGradient() {
        double[] v = {-65, -64.8, -64.6, -64.4, -64.2};
        SpikeCrossing c = SpikeCrossing.ofModelSpike(v, 4, -1, RISE);
        assertFalse(c.differentiable());
        assertEquals(4, c.step());
    }

    @Test
    void aRecordedSpikeIsTimedByTheFirstFastRiseAfterItsOnset() {
        double[] v = {-60, -59.9, -59.7, -59.2, -57, -45, -10, 20, 30, 10};
        SpikeCrossing c = SpikeCrossing.ofRecordedSpike(v, 2, RISE, 10);
        assertEquals(4, c.last());
        assertEquals(4 - 1.5 + (1 - 0.5) / (2.2 - 0.5), c.step(), 1e-12);
    }
}
