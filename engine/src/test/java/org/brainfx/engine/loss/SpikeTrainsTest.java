package org.brainfx.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Spike detection on recorded traces. */
class SpikeTrainsTest {

    @Test
    void oneSampleArtifactsAndRefractoryRepeatsAreNotSpikes() {
        double[] v = new double[100];
        java.util.Arrays.fill(v, -70);
        v[10] = 20;
        for (int t = 30; t < 40; t++) {
            v[t] = 10;
        }
        v[41] = 5;
        v[42] = 5;
        v[43] = 5;
        for (int t = 70; t < 80; t++) {
            v[t] = 15;
        }
        assertArrayEquals(new int[] {30, 70}, SpikeTrains.detect(v, 0.1, -20, 0.3, 2),
                "the artifact at 10 is one sample wide; the bump at 41 falls within 2 ms of the spike at 30");
        assertArrayEquals(new int[] {10, 30, 41, 70}, SpikeTrains.crossings(v, -20, 1));
    }

    @Test
    void aSlowDepolarizationPastThresholdIsNotASpike() {
        double[] v = new double[200];
        for (int t = 0; t < v.length; t++) {
            v[t] = -70 + 0.5 * t;
        }
        assertArrayEquals(new int[0], SpikeTrains.detect(v, 0.1, -20, 0.15, 2), "5 mV/ms is no action potential");
    }
}
