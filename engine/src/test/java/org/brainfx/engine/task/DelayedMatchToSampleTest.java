package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelayedMatchToSampleTest {

    @Test
    void withoutNoiseMatchTrialsRepeatTheSampleAndNonMatchTrialsShowTheOpposite() {
        DelayedMatchToSample task = new DelayedMatchToSample(DelayedMatchSettings.defaults().withSigma(0));
        assertEquals(List.of("match", "non-match"), task.classNames());
        TrialBatch b = task.batch(4, 1, 64);
        assertEquals(3200, b.steps());
        assertEquals(new Period("test", 1800, 2300), b.period("test"));
        assertEquals(900, b.maskedSteps());
        int matches = 0;
        for (int k = 0; k < b.trials(); k++) {
            boolean same = b.rate(500, k, 1) == b.rate(2000, k, 1) && b.rate(500, k, 2) == b.rate(2000, k, 2);
            assertEquals(same ? 0 : 1, b.labels()[k], "label of trial " + k);
            assertEquals(same ? 1.0 : 0.0, b.info("match")[k]);
            // With two directions the sample lights one input fully (40 Hz) and the other not at all.
            assertEquals(40f, b.rate(500, k, 1) + b.rate(500, k, 2), 1e-4);
            assertEquals(0f, b.rate(1000, k, 1) + b.rate(1000, k, 2), "silent delay");
            assertEquals(40f, b.rate(2299, k, 0));
            assertEquals(0f, b.rate(2300, k, 0), "fixation off at the decision");
            matches += same ? 1 : 0;
        }
        assertTrue(matches > 16 && matches < 48, "both kinds of trial: " + matches);
    }

    @Test
    void theTestCanStayOnThroughTheDecision() {
        DelayedMatchSettings d = DelayedMatchSettings.defaults().withSigma(0);
        DelayedMatchSettings through = new DelayedMatchSettings(d.dtMs(), d.ring(), d.sigma(), d.fixationMs(), d.sampleMs(),
                d.delayMs(), d.testMs(), d.decisionMs(), d.encoding(), true);
        TrialBatch plain = new DelayedMatchToSample(d).batch(4, 1, 16);
        TrialBatch on = new DelayedMatchToSample(through).batch(4, 1, 16);
        for (int k = 0; k < on.trials(); k++) {
            assertEquals(0f, plain.rate(3000, k, 1) + plain.rate(3000, k, 2), "NeuroGym's decision has no input");
            assertEquals(on.rate(2000, k, 1), on.rate(3000, k, 1), "the test stays on");
            assertEquals(on.rate(2000, k, 2), on.rate(3199, k, 2));
            assertEquals(plain.labels()[k], on.labels()[k], "the same trials");
            assertEquals(0f, on.rate(2300, k, 0), "the fixation still ends at the decision");
        }
    }

    @Test
    void spikesCarryTheAnswerUnderNoise() {
        TrialBatch b = DelayedMatchToSample.standard().batch(8, 0, 128);
        int right = 0;
        for (int k = 0; k < b.trials(); k++) {
            boolean sampleFirst = b.spikeCount(k, 300, 800, 25, 50) > b.spikeCount(k, 300, 800, 50, 75);
            boolean testFirst = b.spikeCount(k, 1800, 2300, 25, 50) > b.spikeCount(k, 1800, 2300, 50, 75);
            right += (sampleFirst == testFirst ? 0 : 1) == b.labels()[k] ? 1 : 0;
        }
        assertTrue(right > 0.95 * b.trials(), "decodable: " + right);
    }

    @Test
    void badSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DelayedMatchToSample(
                new DelayedMatchSettings(null, 1, null, null, null, null, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("delayed match-to-sample settings: ring = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DelayedMatchToSample(
                new DelayedMatchSettings(null, null, null, null, null, -10.0, null, null, null, null)));
        assertTrue(e.getMessage().contains("delayMs = -10.0"), e.getMessage());
    }
}
