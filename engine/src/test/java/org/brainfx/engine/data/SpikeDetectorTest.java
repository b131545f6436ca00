package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SpikeDetector}: action potentials counted, artifacts, noise and steps not, at several sample rates. */
class SpikeDetectorTest {

    @Test
    void actionPotentialsAreFoundAtTheirOnsetWithTheirPeaks() {
        for (double dt : new double[] {0.025, 0.05, 0.1}) {
            double[] v = flat(steps(200, dt), dt, -65);
            int[] starts = {steps(20, dt), steps(60, dt), steps(75, dt), steps(150, dt)};
            for (int s : starts) {
                actionPotential(v, s, dt);
            }
            SpikeDetector.Spikes spikes = SpikeDetector.detect(v, dt);
            assertEquals(4, spikes.count(), "dt " + dt);
            for (int i = 0; i < 4; i++) {
                assertTrue(Math.abs(spikes.onsets()[i] - starts[i]) <= 1, "onset " + spikes.onsets()[i] + " vs " + starts[i]);
                assertEquals(30, v[spikes.peaks()[i]], 1, "peak");
            }
        }
    }

    @Test
    void oneAndTwoSampleStepEdgeArtifactsAreNotSpikes() {
        for (double dt : new double[] {0.05, 0.1}) {
            double[] v = flat(2000, dt, -70);
            v[300] = 0;
            v[800] = 0;
            v[801] = -2;
            v[1200] = -10;
            v[1201] = 0;
            assertEquals(0, SpikeDetector.detect(v, dt).count(), "dt " + dt);
            actionPotential(v, 1500, dt);
            assertArrayEquals(new int[] {1500}, SpikeDetector.detect(v, dt).onsets(), "dt " + dt);
        }
    }

    @Test
    void noiseAndASustainedBridgeStepAreNotSpikesButSpikesInNoiseAre() {
        double dt = 0.05;
        Random random = new Random(7);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            // 1.5 mV noise at 20 kHz: sample-to-sample jumps far above 20 mV/ms.
            v[i] = -70 + 1.5 * random.nextGaussian() + (i >= 4000 && i < 12_000 ? 25 : 0);
        }
        assertEquals(0, SpikeDetector.detect(v, dt).count(), "noise and a 25 mV step held for 400 ms");
        actionPotential(v, 6000, dt);
        actionPotential(v, 15_000, dt);
        assertEquals(2, SpikeDetector.detect(v, dt).count());
    }

    @Test
    void aSecondRiseWithinTheRefractoryGapIsTheSameSpike() {
        double dt = 0.05;
        double[] v = flat(2000, dt, -65);
        actionPotential(v, 100, dt);
        actionPotential(v, 180, dt);
        assertEquals(2, SpikeDetector.detect(v, dt).count(), "4 ms apart");
        SpikeDetector.Settings slow = new SpikeDetector.Settings(null, null, null, null, null, null, 5.0);
        assertEquals(1, SpikeDetector.detect(v, dt, slow).count(), "within a 5 ms refractory gap");
    }

    @Test
    void settingsAreTakenFromTheProjectAndCheckedAndMissingOnesDefault() {
        double dt = 0.1;
        double[] v = flat(1000, dt, -65);
        // A 12 mV fast event (a spikelet): under the default 20 mV height, a spike with 10 mV.
        for (int i = 0; i < 10; i++) {
            v[200 + i] = -65 + 12 * Math.sin(Math.PI * i / 10);
        }
        assertEquals(0, SpikeDetector.detect(v, dt).count());
        SpikeDetector.Settings low = new SpikeDetector.Settings(null, 10.0, -80.0, null, null, null, null);
        assertEquals(1, SpikeDetector.detect(v, dt, low).count());
        assertEquals(10.0, low.orDefaults().dvdtMvPerMs());
        assertNull(low.problem());
        assertNotNull(new SpikeDetector.Settings(-1.0, null, null, null, null, null, null).problem());
        assertNotNull(new SpikeDetector.Settings(null, null, null, 2.0, 1.0, null, null).problem());
    }

    /** A 30 mV-peak action potential from {@code at}: 0.6 ms rise, 1.2 ms fall, then an afterhyperpolarization. */
    static void actionPotential(double[] v, int at, double dt) {
        double base = v[at];
        for (int i = 0; at + i < v.length && i * dt < 8; i++) {
            double t = i * dt;
            double shape = t < 0.6 ? base + (30 - base) * t / 0.6
                    : t < 1.8 ? 30 - (30 - (base - 8)) * (t - 0.6) / 1.2
                    : base - 8 * Math.exp(-(t - 1.8) / 2);
            v[at + i] = shape;
        }
    }

    private static double[] flat(int n, double dt, double level) {
        double[] v = new double[n];
        Arrays.fill(v, level);
        return v;
    }

    private static int steps(double ms, double dt) {
        return (int) Math.round(ms / dt);
    }
}
