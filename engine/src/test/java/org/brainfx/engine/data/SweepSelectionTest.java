package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing, cropping, resampling and aligning sweeps for a fit. */
class SweepSelectionTest {

    /** Sweeps whose response is {@code level + t} (t in ms) and whose stimulus steps from 0 to 1 nA at 5 ms. */
    private static Recording ramps(double dt, double... levels) {
        List<Recording.Sweep> sweeps = new java.util.ArrayList<>();
        int n = (int) Math.round(10 / dt);
        for (int s = 0; s < levels.length; s++) {
            double[] v = new double[n];
            double[] i = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = levels[s] + k * dt;
                i[k] = k * dt >= 5 ? 1 : 0;
            }
            sweeps.add(new Recording.Sweep(s, dt, v, "mV", i, "nA"));
        }
        return new Recording("CSV", "", Path.of("ramps.csv"), Recording.ClampMode.CURRENT,
                List.of(new Recording.Channel("V", "mV")), sweeps, 1000 / dt, Recording.StimulusSource.RECORDED, Map.of());
    }

    @Test
    void coarserStepThatIsNoWholeMultipleAveragesEachNewStep() throws Exception {
        SweepSelection.Traces t = new SweepSelection(null, null, 0.07, 0).apply(ramps(0.05, -70));
        assertEquals(142, t.response()[0].length, "10 ms / 0.07 ms");
        assertEquals(0.07, t.dtMs(), 1e-12);
        // New step 10 covers old samples floor(14)..floor(15.4) = 14..14 (one sample) → 0.7 ms.
        assertEquals(-70 + 14 * 0.05, t.response()[0][10], 1e-9);
        assertEquals(1.0, t.stimulus()[0][100], 0.0);
    }

    @Test
    void finerStepInterpolatesTheResponseAndHoldsTheStimulus() throws Exception {
        SweepSelection.Traces t = new SweepSelection(null, null, 0.025, 0).apply(ramps(0.1, -70));
        assertEquals(400, t.response()[0].length);
        assertEquals(-70 + 0.125, t.response()[0][5], 1e-9, "linear between samples");
        assertEquals(0.0, t.stimulus()[0][199], 0.0, "4.975 ms: still the sample at 4.9 ms");
        assertEquals(1.0, t.stimulus()[0][200], 0.0);
    }

    @Test
    void baselineAlignmentShiftsSweepsToTheirCommonBaseline() throws Exception {
        SweepSelection.Traces t = new SweepSelection(null, null, null, 0, List.of(0.0, 1.0)).apply(ramps(0.1, -70, -68, -72));
        for (int s = 0; s < 3; s++) {
            assertEquals(-70 + 0.45, java.util.Arrays.stream(t.response()[s], 0, 10).average().orElseThrow(), 1e-9,
                    "sweep " + s + " baseline");
        }
    }

    @Test
    void theResponseChannelCanBeChosenInAnAbfFile() throws Exception {
        Path abf = Path.of("src", "test", "resources", "data", "abf", "190619B_0003.abf");
        Recording first = Recordings.read(abf);
        Recording second = Recordings.read(abf, new Recordings.Options(false, null, 1));
        assertEquals("IN 0", first.channels().get(0).name());
        double a = java.util.Arrays.stream(first.sweeps().get(0).response()).average().orElseThrow();
        double b = java.util.Arrays.stream(second.sweeps().get(0).response()).average().orElseThrow();
        assertTrue(a < -40 && Math.abs(b) < 20, "IN 0 is the cell (" + a + " mV), IN 2 sits near 0 mV (" + b + ")");
        RecordingException e = assertThrows(RecordingException.class,
                () -> Recordings.read(abf, new Recordings.Options(false, null, 5)));
        assertTrue(e.getMessage().contains("no channel 5") && e.getMessage().contains("IN 2"), e.getMessage());
    }
}
