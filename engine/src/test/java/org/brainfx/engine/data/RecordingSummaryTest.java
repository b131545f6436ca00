package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RecordingSummary}: stimulus amplitude from the holding level, and spikes as 0 mV crossings 1 ms apart. */
class RecordingSummaryTest {

    @Test
    void amplitudeIsTheSignedLargestDeviationFromTheFirstSample() {
        assertEquals(-0.3, RecordingSummary.stimulusAmplitude(new double[] {0.1, 0.1, -0.2, 0.3, 0.1}), 1e-12);
        assertEquals(0, RecordingSummary.stimulusAmplitude(new double[] {-0.05, -0.05}));
    }

    @Test
    void crossingsWithinTheRefractoryPeriodCountOnce() {
        double[] v = new double[100];
        Arrays.fill(v, -65);
        v[10] = 20;
        v[12] = 5;          // 0.2 ms after the first crossing at dt 0.1 ms: the same spike ringing
        v[40] = 30;         // 3 ms later: a second spike
        assertEquals(2, RecordingSummary.spikeCount(v, 0.1));
        assertEquals(3, RecordingSummary.spikeCount(v, 1.0), "at dt 1 ms the ringing is a spike of its own");
    }

    @Test
    void summaryGivesPicoamperesInCurrentClampAndNoSpikesInVoltageClamp() {
        Recording.Sweep cc = new Recording.Sweep(0, 0.1, new double[] {-65, 10, -65}, "mV",
                new double[] {0, 0.2000000001, 0}, "nA");
        RecordingSummary current = RecordingSummary.of(recording(Recording.ClampMode.CURRENT, cc));
        assertEquals(new RecordingSummary.SweepSummary(0, 200.0, "pA", 1), current.sweeps().get(0));

        Recording.Sweep vc = new Recording.Sweep(0, 0.1, new double[] {0, 1, 0}, "nA", new double[] {-70, -60, -70}, "mV");
        RecordingSummary voltage = RecordingSummary.of(recording(Recording.ClampMode.VOLTAGE, vc));
        assertEquals(10.0, voltage.sweeps().get(0).stimulusAmplitude());
        assertNull(voltage.sweeps().get(0).spikeCount());

        Recording.Sweep none = new Recording.Sweep(0, 0.1, new double[] {-65, -65}, "mV", null, null);
        assertNull(RecordingSummary.of(recording(Recording.ClampMode.CURRENT, none)).sweeps().get(0).stimulusAmplitude());
    }

    private static Recording recording(Recording.ClampMode mode, Recording.Sweep sweep) {
        return new Recording("CSV", "", Path.of("x.csv"), mode, List.of(), List.of(sweep), 10_000,
                Recording.StimulusSource.RECORDED, Map.of());
    }
}
