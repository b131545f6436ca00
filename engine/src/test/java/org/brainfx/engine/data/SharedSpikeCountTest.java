package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spike counts of every sweep of the shared current-clamp recordings, by {@link RecordingSummary} (what
 * {@code inspect} prints), against a careful count made independently: scipy's {@code find_peaks} on the
 * traces as neo and h5py read them, keeping peaks above -30 mV that stand at least 20 mV above their
 * surroundings and are 0.25–10 ms wide at half that height, each peak then checked by eye on the plots of the
 * sweeps where the two counts differ (in 17o05028 sweep 15 find_peaks split one peak at 388.8 ms in two).
 * Every sweep must be within one spike.
 */
class SharedSpikeCountTest {
    private static final Map<String, int[]> CAREFUL = Map.ofEntries(
            Map.entry("abf/17o05028_ic_steps.abf", new int[] {10, 11, 12, 12, 12, 16, 18, 20, 22, 25, 29, 32, 35, 39, 40, 42}),
            Map.entry("abf/17o05027_ic_ramp.abf", new int[] {6, 9}),
            Map.entry("abf/190619B_0003.abf", new int[] {0, 0, 0, 0, 2, 5, 7, 11, 12, 15}),
            Map.entry("abf/97509008.abf", new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 9, 20, 39}),
            Map.entry("abf/File_axon_5.abf", new int[] {0, 0, 0, 0, 0, 0, 2, 2, 3}),
            Map.entry("nwb/99111002.nwb", new int[] {0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 11, 8, 12, 22, 29}),
            Map.entry("abf-corpus/171116sh_0016.abf", new int[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4}),
            Map.entry("abf-corpus/171116sh_0018.abf", new int[] {0, 0, 0, 0, 0, 0, 2, 3, 6, 8, 10, 12, 12, 14, 16, 16, 18}),
            Map.entry("abf-corpus/18713001.abf", new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 7, 8, 8, 8,
                8, 9, 9, 9, 9, 9, 9, 10, 9}),
            Map.entry("abf-corpus/2019_07_24_0055_fsi.abf", new int[] {2, 3, 2, 4, 16, 28, 37, 48, 55, 68, 76, 83, 91, 99,
                105, 114, 117}),
            Map.entry("abf-corpus/2019_05_02_DIC2_0011.abf", new int[] {0, 0, 1}),
            Map.entry("abf-corpus/opto_aps_good_units.abf", new int[] {50, 50, 50}));

    @Test
    void everySweepOfTheSharedCurrentClampRecordingsIsWithinOneSpikeOfACarefulCount() throws Exception {
        List<String> off = new ArrayList<>();
        for (Map.Entry<String, int[]> e : CAREFUL.entrySet()) {
            Recording r = Recordings.read(SharedData.require(e.getKey()));
            assertEquals(Recording.ClampMode.CURRENT, r.clampMode(), e.getKey());
            List<RecordingSummary.SweepSummary> sweeps = RecordingSummary.of(r).sweeps();
            assertEquals(e.getValue().length, sweeps.size(), e.getKey());
            for (int s = 0; s < sweeps.size(); s++) {
                int counted = sweeps.get(s).spikeCount();
                if (Math.abs(counted - e.getValue()[s]) > 1) {
                    off.add(e.getKey() + " sweep " + s + ": " + counted + " spikes, carefully counted " + e.getValue()[s]);
                }
            }
        }
        assertTrue(off.isEmpty(), String.join("\n", off));
    }
}
