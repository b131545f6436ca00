package org.brainfx.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Spike-train losses on interpolated spike times: gradients, continuity and the count proxy. */
class SpikeTimeLossTest {
    private static final int STEPS = 1200;
    private static final double TAU = 1.0;
    /** Target: spikes whose upstrokes are timed 20 and 50 ms. */
    private static final SpikeTrains TARGET = new SpikeTrains(STEPS, TAU, 20.0, 50.0);

    private static SpikeTimeLoss loss(SpikeTimeLoss.Kind kind) {
        return new SpikeTimeLoss(kind, 0, new double[][] {TARGET.v}, new int[][] {TARGET.spikeSteps}, false,
                new int[] {0}, STEPS, SpikeTrains.DT, 10.0, 5.0, new int[] {100, 1000}, 0.7);
    }

    private static double lossAt(SpikeTimeLoss.Kind kind, double... theta) {
        return new SpikeTrains(STEPS, TAU, theta).loss(loss(kind));
    }

    @Test
    void vanRossumAndLatencyGradientsMatchCentralDifferencesWhereNoCrossingMoves() {
        double[] theta = {21.337, 47.912};
        for (SpikeTimeLoss.Kind kind : new SpikeTimeLoss.Kind[] {SpikeTimeLoss.Kind.VAN_ROSSUM,
                SpikeTimeLoss.Kind.FIRST_SPIKE_LATENCY}) {
            double[] g = new SpikeTrains(STEPS, TAU, theta).gradient(loss(kind));
            for (int i = 0; i < theta.length; i++) {
                double h = 1e-7;
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[i] += h;
                down[i] -= h;
                double fd = (lossAt(kind, up) - lossAt(kind, down)) / (2 * h);
                assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), kind + " by theta " + i);
            }
            assertTrue(Math.abs(g[0]) > 1e-3, kind + " responds to the first spike's time: " + g[0]);
        }
    }

    @Test
    void theLossIsContinuousAndItsGradientRightWhereACrossingMovesOneStep() {
        // Find where the first spike's crossing moves to the next interval as its upstroke is delayed.
        double lo = 21.0;
        double hi = 21.1;
        int startLast = crossing(lo).last();
        assertTrue(crossing(hi).last() > startLast, "the interval changes within the bracket");
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (crossing(mid).last() == startLast) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for (SpikeTimeLoss.Kind kind : new SpikeTimeLoss.Kind[] {SpikeTimeLoss.Kind.VAN_ROSSUM,
                SpikeTimeLoss.Kind.FIRST_SPIKE_LATENCY}) {
            double before = lossAt(kind, lo, 48.0);
            double after = lossAt(kind, hi, 48.0);
            assertEquals(before, after, 1e-9, kind + " does not jump where the crossing moves");
            // Across the move (a step of 1e-4 ms on each side) the central difference meets both one-sided gradients.
            double h = 1e-4;
            double fd = (lossAt(kind, hi + h, 48.0) - lossAt(kind, lo - h, 48.0)) / (hi - lo + 2 * h);
            double gBefore = new SpikeTrains(STEPS, TAU, lo - h, 48.0).gradient(loss(kind))[0];
            double gAfter = new SpikeTrains(STEPS, TAU, hi + h, 48.0).gradient(loss(kind))[0];
            assertEquals(fd, gBefore, 0.05 * Math.abs(fd), kind + " before the move");
            assertEquals(fd, gAfter, 0.05 * Math.abs(fd), kind + " after the move");
        }
    }

    @Test
    void theLossIsContinuousWhereTheSpikeItselfMovesOneStep() {
        double lo = 30.0;
        double hi = 30.1;
        int startSpike = new SpikeTrains(STEPS, TAU, lo).spikeSteps[0];
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (new SpikeTrains(STEPS, TAU, mid).spikeSteps[0] == startSpike) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(startSpike + 1, new SpikeTrains(STEPS, TAU, hi).spikeSteps[0]);
        assertEquals(lossAt(SpikeTimeLoss.Kind.VAN_ROSSUM, lo), lossAt(SpikeTimeLoss.Kind.VAN_ROSSUM, hi), 1e-9);
        assertEquals(lossAt(SpikeTimeLoss.Kind.FIRST_SPIKE_LATENCY, lo),
                lossAt(SpikeTimeLoss.Kind.FIRST_SPIKE_LATENCY, hi), 1e-9);
    }

    @Test
    void theCountProxyPullsAMissingSpikeUpAndPushesAnExtraOneLater() {
        SpikeTimeLoss count = loss(SpikeTimeLoss.Kind.SPIKE_COUNT);
        assertEquals(0, lossAt(SpikeTimeLoss.Kind.SPIKE_COUNT, 23.0, 44.0), "right count: no proxy");
        double[] none = new double[STEPS];
        new SpikeTrains(STEPS, TAU, 23.0, 44.0).pass(count, none);
        assertTrue(java.util.Arrays.stream(none).allMatch(a -> a == 0), "and no gradient");

        // One spike where the target has two: the proxy is on, and raising the voltage after the spike lowers it.
        SpikeTrains one = new SpikeTrains(STEPS, TAU, 23.0);
        double[] adjoint = new double[STEPS];
        double withOne = one.pass(count, adjoint);
        assertTrue(withOne > 0.7 && withOne <= 0.7 * (1 + SpikeTimeLoss.PROXY), "count term plus proxy: " + withOne);
        int after = one.spikeSteps[0] + 1;
        double lowest = 0;
        for (int t = after; t < STEPS; t++) {
            lowest = Math.min(lowest, adjoint[t]);
        }
        assertTrue(lowest < 0, "a sample after the spike has a negative derivative (higher is better)");
        double[] raised = one.v.clone();
        for (int t = after; t < STEPS; t++) {
            raised[t] += 1;
        }
        SpikeTrains shifted = new SpikeTrains(STEPS, TAU, 23.0);
        System.arraycopy(raised, 0, shifted.v, 0, STEPS);
        assertTrue(shifted.loss(count) < withOne, "and really is lower");

        // Three spikes where the target has two: the later the extra spike, the lower the loss.
        double early = lossAt(SpikeTimeLoss.Kind.SPIKE_COUNT, 23.0, 44.0, 60.0);
        double late = lossAt(SpikeTimeLoss.Kind.SPIKE_COUNT, 23.0, 44.0, 90.0);
        assertTrue(early > 0.7 && late < early, "extra spike at 60 ms: " + early + ", at 90 ms: " + late);
        double[] g = new SpikeTrains(STEPS, TAU, 23.0, 44.0, 60.0).gradient(count);
        assertTrue(g[2] < 0, "delaying the extra spike's upstroke lowers the loss: " + g[2]);
    }

    private static SpikeCrossing crossing(double theta) {
        SpikeTrains s = new SpikeTrains(STEPS, TAU, theta, 48.0);
        return SpikeCrossing.ofModelSpike(s.v, s.spikeSteps[0], -1, 1.0);
    }

    /**
     * A spike without an upstroke (LIF and GIF reset at threshold) has no crossing to time: its lane's gradient goes
     * through the spike output's surrogate instead, as it did before spikes were timed by their upstroke, and points
     * the way the van Rossum distance falls; a lane whose spikes all have upstrokes passes none that way.
     */
    @Test
    void spikesWithoutAnUpstrokePassTheirGradientThroughTheSpikeOutput() {
        int steps = 1200;
        // A slow ramp from rest to threshold (0.25 mV a step, below the detector's 1 mV a step) and a reset.
        double[] v = new double[steps];
        double[] spike = new double[steps];
        int fired = 400;
        for (int t = 0; t < steps; t++) {
            v[t] = t < fired ? -65 + 0.0625 * t : -65;
        }
        spike[fired] = 1;
        SpikeTimeLoss loss = loss(SpikeTimeLoss.Kind.VAN_ROSSUM);
        double[] adjSpike = surrogatePass(loss, v, spike);
        // The target fires at ~20 and ~50 ms (steps ~200 and ~500): moving spike mass there lowers the loss.
        int earlier = TARGET.spikeSteps[0];
        assertTrue(adjSpike[earlier] < 0, "adding a spike where the target has one lowers the loss: " + adjSpike[earlier]);
        assertTrue(adjSpike[fired] > adjSpike[earlier], "the model's own spike, off the target, is worth less there");
        double[] none = surrogatePass(loss(SpikeTimeLoss.Kind.VAN_ROSSUM), new SpikeTrains(STEPS, TAU, 21.0, 48.0).v,
                new SpikeTrains(STEPS, TAU, 21.0, 48.0).spike);
        assertEquals(0, java.util.Arrays.stream(none).map(Math::abs).sum(), "upstroke spikes pass their gradient by the voltage");
        double[] count = surrogatePass(loss(SpikeTimeLoss.Kind.SPIKE_COUNT), v, spike);
        assertTrue(count[0] < 0, "one spike of two: more spikes lower the count's error: " + count[0]);
    }

    private static double[] surrogatePass(SpikeTimeLoss loss, double[] v, double[] spike) {
        double[] adjSpike = new double[v.length];
        SpikeTrains.pass(loss, v, spike, null, adjSpike);
        return adjSpike;
    }
}
