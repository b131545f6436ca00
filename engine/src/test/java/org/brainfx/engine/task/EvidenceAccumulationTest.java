package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceAccumulationTest {
    private static final EvidenceAccumulation TASK = EvidenceAccumulation.reference();

    @Test
    void theReferenceLayoutHas100ChannelsIn4GroupsAnd2200Steps() {
        assertEquals(100, TASK.channels());
        assertEquals(List.of(new InputGroup("left", 0, 25), new InputGroup("right", 25, 25),
                new InputGroup("recall", 50, 25), new InputGroup("noise", 75, 25)), TASK.groups());
        assertEquals(2200, TASK.steps());
        assertEquals(List.of("right", "left"), TASK.classNames());
        List<Period> p = TASK.periods();
        assertEquals(16, p.size());
        assertEquals(new Period("gap 1", 0, 50), p.get(0));
        assertEquals(new Period("cue 1", 50, 150), p.get(1));
        assertEquals(new Period("cue 7", 950, 1050), p.get(13));
        assertEquals(new Period("delay", 1050, 2050), p.get(14));
        assertEquals(new Period("recall", 2050, 2200), p.get(15));
    }

    @Test
    void ratesFollowTheCuesAndTheMaskIsTheRecallPeriod() {
        TrialBatch b = TASK.batch(3, 0, 64);
        assertEquals(2200, b.steps());
        assertEquals(150, b.maskedSteps());
        for (int t = 0; t < 2200; t++) {
            assertEquals(t >= 2050, b.mask()[t], "mask at step " + t);
        }
        for (int trial = 0; trial < b.trials(); trial++) {
            int left = 0;
            int right = 0;
            for (int t = 0; t < 2200; t++) {
                int inCue = t < 1050 && t % 150 >= 50 ? 1 : 0;
                float l = b.rate(t, trial, 0);
                float r = b.rate(t, trial, 1);
                if (inCue == 0) {
                    assertEquals(0f, l + r, "no cue at step " + t);
                } else {
                    assertTrue((l == 40f && r == 0f) || (l == 0f && r == 40f), "one side at 40 Hz at step " + t);
                    if (t % 150 == 50) {
                        left += l > 0 ? 1 : 0;
                        right += r > 0 ? 1 : 0;
                    }
                }
                assertEquals(t >= 2050 ? 40f : 0f, b.rate(t, trial, 2), "recall at step " + t);
                assertEquals(10f, b.rate(t, trial, 3), "noise at step " + t);
            }
            assertEquals(left, b.info("leftCues")[trial]);
            assertEquals(right, b.info("rightCues")[trial]);
            assertEquals(7, left + right);
            assertEquals(left > right ? 1 : 0, b.labels()[trial], "label of trial " + trial);
        }
    }

    @Test
    void cuesGoToTheMajoritySideWithProbability07AndSidesAreFair() {
        int trials = 0;
        int toMajority = 0;
        int majorityLeft = 0;
        int labelIsMajority = 0;
        int labelLeft = 0;
        for (int batch = 0; batch < 16; batch++) {
            TrialBatch b = TASK.batch(11, batch, 128);
            for (int k = 0; k < b.trials(); k++) {
                boolean majLeft = b.info("majorityLeft")[k] == 1;
                int left = (int) b.info("leftCues")[k];
                toMajority += majLeft ? left : 7 - left;
                majorityLeft += majLeft ? 1 : 0;
                labelIsMajority += (b.labels()[k] == 1) == majLeft ? 1 : 0;
                labelLeft += b.labels()[k];
                assertEquals(left * 2 > 7 ? 1 : 0, b.labels()[k]);
                trials++;
            }
        }
        double cues = 7.0 * trials;
        double p = toMajority / cues;
        assertEquals(0.7, p, 5 * Math.sqrt(0.21 / cues), "fraction of cues to the majority side");
        assertEquals(0.5, majorityLeft / (double) trials, 5 * Math.sqrt(0.25 / trials), "majority side left");
        assertEquals(0.5, labelLeft / (double) trials, 5 * Math.sqrt(0.25 / trials), "label left");
        // P(at least 4 of 7 cues to the majority) with p = 0.7.
        double agree = 0;
        for (int k = 4; k <= 7; k++) {
            agree += binomial(7, k) * Math.pow(0.7, k) * Math.pow(0.3, 7 - k);
        }
        assertEquals(agree, labelIsMajority / (double) trials, 5 * Math.sqrt(agree * (1 - agree) / trials));
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Test
    void poissonCountsPerGroupMatchTheirRatesWithinSamplingError() {
        TrialBatch b = TASK.batch(5, 2, 128);
        long[] onSpikes = new long[4];
        long[] onChannelSteps = new long[4];
        long offSpikes = 0;
        for (int t = 0; t < b.steps(); t++) {
            for (int k = 0; k < b.trials(); k++) {
                int cell = b.cell(t, k);
                int last = -1;
                for (int s = b.spikeStart()[cell]; s < b.spikeStart()[cell + 1]; s++) {
                    int ch = b.spikeChannel()[s];
                    assertTrue(ch > last && ch < 100, "channels ascending within a step, in range");
                    last = ch;
                    int g = ch / 25;
                    if (b.rate(t, k, g) > 0) {
                        onSpikes[g]++;
                    } else {
                        offSpikes++;
                    }
                }
                for (int g = 0; g < 4; g++) {
                    onChannelSteps[g] += b.rate(t, k, g) > 0 ? 25 : 0;
                }
            }
        }
        assertEquals(0, offSpikes, "no channel fires while its group is off");
        double[] hz = {40, 40, 40, 10};
        for (int g = 0; g < 4; g++) {
            double p = hz[g] / 1000.0;
            double expected = p * onChannelSteps[g];
            double sd = Math.sqrt(onChannelSteps[g] * p * (1 - p));
            assertEquals(expected, onSpikes[g], 5 * sd, "spikes of group " + b.groups().get(g).name());
            assertTrue(onSpikes[g] > 0);
        }
        // The recall group fires in the recall period only, the noise group everywhere.
        assertEquals(0, b.spikeCount(0, 0, 2050, 50, 75));
        assertTrue(b.spikeCount(0, 0, 2200, 75, 100) > 0);
    }

    @Test
    void aBatchDependsOnlyOnSeedBatchIndexAndTrialIndex() {
        TrialBatch a = TASK.batch(7, 3, 32);
        TrialBatch again = TASK.batch(7, 3, 32);
        assertArrayEquals(a.spikeStart(), again.spikeStart());
        assertArrayEquals(a.spikeChannel(), again.spikeChannel());
        assertArrayEquals(a.labels(), again.labels());
        assertArrayEquals(a.rates(), again.rates());
        TrialBatch other = TASK.batch(7, 4, 32);
        assertFalse(Arrays.equals(a.spikeChannel(), other.spikeChannel()));
        assertNotEquals(Arrays.toString(a.info("leftCues")), Arrays.toString(TASK.batch(8, 3, 32).info("leftCues")));
        // A smaller batch is the prefix of a larger one, trial for trial.
        TrialBatch big = TASK.batch(7, 3, 64);
        assertArrayEquals(a.labels(), Arrays.copyOf(big.labels(), 32));
        for (int trial = 0; trial < 32; trial++) {
            for (int t = 0; t < a.steps(); t += 7) {
                int ca = a.cell(t, trial);
                int cb = big.cell(t, trial);
                assertArrayEquals(Arrays.copyOfRange(a.spikeChannel(), a.spikeStart()[ca], a.spikeStart()[ca + 1]),
                        Arrays.copyOfRange(big.spikeChannel(), big.spikeStart()[cb], big.spikeStart()[cb + 1]));
            }
        }
    }

    @Test
    void denseStepMatchesTheSpikeRows() {
        TrialBatch b = TASK.batch(1, 0, 8);
        float[] dense = b.denseStep(2100, new float[8 * 100]);
        int ones = 0;
        for (float v : dense) {
            ones += v == 1f ? 1 : 0;
        }
        assertEquals(b.spikeStart()[b.cell(2100, 7) + 1] - b.spikeStart()[b.cell(2100, 0)], ones);
        assertThrows(IllegalArgumentException.class, () -> b.denseStep(0, new float[10]));
    }

    @Test
    void settingsReadFromJsonKeepTheDefaultsOfAbsentFields() {
        Gson gson = new Gson();
        EvidenceAccumulationSettings s = gson.fromJson("{\"cues\": 5, \"delayMs\": 500}", EvidenceAccumulationSettings.class);
        assertEquals(5, s.cues());
        assertEquals(500.0, s.delayMs());
        assertEquals(0.7, s.majorityProbability());
        assertEquals(25, s.noiseChannels());
        assertEquals(new EvidenceAccumulation(s).steps(), 5 * 150 + 500 + 150);
        assertEquals(EvidenceAccumulationSettings.defaults(),
                gson.fromJson(gson.toJson(EvidenceAccumulationSettings.defaults()), EvidenceAccumulationSettings.class));
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        EvidenceAccumulationSettings d = EvidenceAccumulationSettings.defaults();
        assertRefused(new EvidenceAccumulationSettings(null, null, null, null, null, -1.0, null, null, null, null, null,
                null, null, null, null), "leftRateHz", ">= 0");
        assertRefused(new EvidenceAccumulationSettings(null, null, null, null, null, null, null, null, 2000.0, null, null,
                null, null, null, null), "noiseRateHz", "once per time step");
        assertRefused(d.withMajorityProbability(1.5), "majorityProbability", "[0, 1]");
        assertRefused(d.withMajorityProbability(Double.NaN), "majorityProbability", "[0, 1]");
        assertRefused(d.withCues(0), "cues", "at least 1");
        assertRefused(d.withDelayMs(-5), "delayMs", ">= 0");
        assertRefused(d.withDelayMs(10.5), "delayMs", "whole number of time steps");
        assertRefused(new EvidenceAccumulationSettings(0.0, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null), "dtMs", "> 0");
        assertRefused(new EvidenceAccumulationSettings(null, 0, null, null, null, null, null, null, null, null, null,
                null, null, null, null), "leftChannels", "at least 1");
        assertRefused(new EvidenceAccumulationSettings(null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0.0, null), "recallMs", "at least 1 time step");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TASK.batch(1, 0, 0));
        assertTrue(e.getMessage().contains("at least 1 trial"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TASK.batch(1, -1, 4));
    }

    static void assertRefused(EvidenceAccumulationSettings s, String field, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EvidenceAccumulation(s));
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().startsWith("evidence accumulation settings: " + field), e.getMessage());
    }
}
