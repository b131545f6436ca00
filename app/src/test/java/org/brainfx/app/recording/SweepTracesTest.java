package org.brainfx.app.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.Recording;
import org.junit.jupiter.api.Test;

class SweepTracesTest {

    /** 100 ms at 0.1 ms: rest at -60 mV, a 2 ms spike to +30 mV at 50 ms, a 0.25 nA step from 20 to 80 ms. */
    private static Recording.Sweep sweep(int index) {
        double[] v = new double[1000];
        double[] i = new double[1000];
        Arrays.fill(v, -60);
        for (int k = 500; k < 520; k++) {
            v[k] = 30 - Math.abs(k - 505) * 2;
        }
        for (int k = 200; k < 800; k++) {
            i[k] = 0.25 + 1e-7;
        }
        return new Recording.Sweep(index, 0.1, v, "mV", i, "nA");
    }

    private static Recording recording() {
        return new Recording("CSV", "", Path.of("cell.csv"), Recording.ClampMode.CURRENT,
                List.of(new Recording.Channel("V", "mV")), List.of(sweep(0), sweep(1)), 10_000,
                Recording.StimulusSource.RECORDED, Map.of());
    }

    @Test
    void aRecordingIsShownAsTheFitSeesIt() {
        SweepTraces traces = SweepTraces.of(recording(), 5);
        assertEquals("V (mV)", traces.response().label());
        assertEquals("I (pA)", traces.stimulus().label());
        assertEquals(100, traces.durationMs(), 1e-9);
        SweepTraces.Sweep s = traces.sweeps().get(1);
        assertEquals(1, s.index());
        assertEquals(-65, s.response()[0], 1e-12, "the offset is subtracted");
        assertEquals(250, s.stimulus()[300], 1e-3, "nA shown as pA");
        assertEquals(250, s.amplitude(), 0, "rounded to 1/1000 pA");
        assertArrayEquals(new int[] {505}, s.spikePeaks(), "the spike is marked at its peak");
    }

    @Test
    void onlyKeepsTheChosenSweeps() {
        SweepTraces traces = SweepTraces.of(recording(), 0).only(i -> i == 1);
        assertEquals(1, traces.sweeps().size());
        assertEquals(1, traces.sweeps().get(0).index());
        assertEquals(100, traces.durationMs(), 1e-9);
    }

    @Test
    void aSpikePeaksWithinAFewMillisecondsOfItsCrossing() {
        double[] v = {-60, -10, 10, 25, 20, 40, -60};
        assertArrayEquals(new int[] {3}, SweepTraces.peaks(v, 1, new int[] {2}), "3 ms reach at 1 ms steps");
        assertArrayEquals(new int[] {5}, SweepTraces.peaks(v, 0.5, new int[] {2}));
    }
}
