package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RecordingSummary}: stimulus amplitude from the holding level, spikes by {@link SpikeDetector}. */
class RecordingSummaryTest {

    @Test
    void amplitudeIsTheSignedLargestDeviationFromTheFirstSample() {
        assertEquals(-0.3, RecordingSummary.stimulusAmplitude(new double[] {0.1, 0.1, -0.2, 0.3, 0.1}), 1e-12);
        assertEquals(0, RecordingSummary.stimulusAmplitude(new double[] {-0.05, -0.05}));
    }

    @Test
    void summaryGivesPicoamperesInCurrentClampAndNoSpikesInVoltageClamp() {
        double[] v = new double[400];
        Arrays.fill(v, -65);
        SpikeDetectorTest.actionPotential(v, 100, 0.1);
        v[300] = 10; // a one-sample artifact is no spike
        double[] stimulus = new double[400];
        stimulus[200] = 0.2000000001;
        Recording.Sweep cc = new Recording.Sweep(0, 0.1, v, "mV", stimulus, "nA");
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
