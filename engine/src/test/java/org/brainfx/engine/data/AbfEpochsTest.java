package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The epoch-table replay on small hand-made tables, where every sample can be written out. */
class AbfEpochsTest {

    @Test
    void holdingThenStepThenRampThenHoldingAgain() {
        // 128 samples: 2 holding points (128/64), A = step, B = ramp back to 0, rest at holding −1.
        AbfDac dac = dac(false, new AbfEpoch('A', AbfEpoch.STEP, 4, 2, 3, 1), new AbfEpoch('B', AbfEpoch.RAMP, 0, 0, 4, 0));
        double[] sweep1 = AbfEpochs.waveform(dac, 1, 128);
        // Sweep 1: step to 4 + 2 = 6 for 3 + 1 = 4 samples, then ramp from 6 to 0 in 4 samples.
        assertArrayEquals(new double[] {-1, -1, 6, 6, 6, 6, 4.5, 3, 1.5, 0, -1, -1},
                java.util.Arrays.copyOf(sweep1, 12), 1e-12);
        assertTrue(java.util.Arrays.stream(sweep1, 10, 128).allMatch(v -> v == -1));
    }

    @Test
    void lastLevelIsKeptWhenTheProtocolSaysSo() {
        AbfDac dac = dac(true, new AbfEpoch('A', AbfEpoch.STEP, 5, 0, 2, 0));
        assertArrayEquals(new double[] {-1, -1, 5, 5, 5, 5}, java.util.Arrays.copyOf(AbfEpochs.waveform(dac, 0, 128), 6));
    }

    @Test
    void negativeDurationDeltaShrinksAnEpochToNothing() {
        AbfDac dac = dac(false, new AbfEpoch('A', AbfEpoch.STEP, 5, 0, 2, -3), new AbfEpoch('B', AbfEpoch.STEP, 7, 0, 1, 0));
        assertArrayEquals(new double[] {-1, -1, 7, -1}, java.util.Arrays.copyOf(AbfEpochs.waveform(dac, 1, 128), 4));
    }

    @Test
    void epochsRunningPastTheSweepAreCut() {
        AbfDac dac = dac(false, new AbfEpoch('A', AbfEpoch.STEP, 5, 0, 1000, 0));
        double[] w = AbfEpochs.waveform(dac, 0, 64);
        assertArrayEquals(new double[] {-1, 5, 5}, java.util.Arrays.copyOf(w, 3));
        assertTrue(w[63] == 5);
    }

    @Test
    void trainsAndStimulusFilesAreNamedAsUnsupported() {
        assertNull(AbfEpochs.unsupportedReason(dac(false, new AbfEpoch('A', AbfEpoch.RAMP, 1, 0, 1, 0))));
        String train = AbfEpochs.unsupportedReason(dac(false, new AbfEpoch('C', 4, 1, 0, 1, 0)));
        assertTrue(train.contains("epoch C") && train.contains("triangle train"), train);
        AbfDac file = new AbfDac(0, "Cmd 0", "pA", 0, AbfDac.Waveform.STIMULUS_FILE, false, List.of());
        assertTrue(AbfEpochs.unsupportedReason(file).contains("stimulus file"));
    }

    private static AbfDac dac(boolean keepsLast, AbfEpoch... epochs) {
        return new AbfDac(0, "Cmd 0", "pA", -1, AbfDac.Waveform.EPOCHS, keepsLast, List.of(epochs));
    }
}
