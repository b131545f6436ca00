package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextDecisionMakingTest {

    @Test
    void theLabelIsTheDirectionOfTheModalityTheContextNames() {
        ContextDecisionMaking task = new ContextDecisionMaking(ContextDecisionSettings.defaults().withSigma(0));
        assertEquals(List.of("fixation", "modality 1 1", "modality 1 2", "modality 2 1", "modality 2 2", "context 1",
                "context 2"), task.groups().stream().map(InputGroup::name).toList());
        TrialBatch b = task.batch(6, 0, 64);
        int steps = b.steps();
        assertEquals(100, b.maskedSteps());
        assertTrue(b.mask()[steps - 1] && b.mask()[steps - 100] && !b.mask()[steps - 101]);
        int crossed = 0;
        for (int k = 0; k < b.trials(); k++) {
            int onset = (int) b.info("onsetStep")[k];
            int delay = (int) b.info("delayMs")[k];
            assertEquals(steps, onset + 300 + 750 + delay + 100, "trials end together");
            int stim = onset + 300 + 10;
            int context = b.rate(onset, k, 5) > 0 ? 0 : 1;
            assertEquals(context, (int) b.info("context")[k]);
            assertEquals(40f, b.rate(steps - 1, k, 5 + context), "the context stays on through the decision");
            assertEquals(0f, b.rate(steps - 1, k, 6 - context));
            int m = 1 + 2 * context;
            int readDirection = b.rate(stim, k, m) > b.rate(stim, k, m + 1) ? 0 : 1;
            assertEquals(readDirection, b.labels()[k], "trial " + k);
            int otherDirection = b.rate(stim, k, 3 - 2 * context) > b.rate(stim, k, 4 - 2 * context) ? 0 : 1;
            crossed += otherDirection != readDirection ? 1 : 0;
            if (onset > 0) {
                assertEquals(0f, b.rate(onset - 1, k, 0) + b.rate(onset - 1, k, 5) + b.rate(onset - 1, k, 6),
                        "silent before the trial starts");
            }
            assertEquals(40f, b.rate(onset, k, 0));
            assertEquals(0f, b.rate(steps - 100, k, 0), "fixation off at the decision");
        }
        assertTrue(crossed > 10, "the other modality often points the other way: " + crossed);
    }

    @Test
    void theStimuliCanStayOnThroughTheDecision() {
        ContextDecisionSettings d = ContextDecisionSettings.defaults().withSigma(0).withDelay(500, 500, 500);
        ContextDecisionSettings through = new ContextDecisionSettings(d.dtMs(), d.ring(), d.explicitContext(),
                d.implicitModality(), d.coherences(), d.sigma(), d.fixationMs(), d.stimulusMs(), d.delayMeanMs(),
                d.delayMinMs(), d.delayMaxMs(), d.decisionMs(), d.encoding(), true);
        TrialBatch plain = new ContextDecisionMaking(d).batch(6, 0, 16);
        TrialBatch on = new ContextDecisionMaking(through).batch(6, 0, 16);
        int last = on.steps() - 1;
        for (int k = 0; k < on.trials(); k++) {
            for (int g = 1; g <= 4; g++) {
                assertEquals(0f, plain.rate(last, k, g), "NeuroGym's stimuli end before the delay");
                assertEquals(on.rate(300 + 10, k, g), on.rate(last, k, g), "group " + g + " stays on");
            }
            assertEquals(plain.labels()[k], on.labels()[k], "the same trials");
        }
    }

    @Test
    void delaysFollowTheTruncatedExponential() {
        ContextDecisionSettings s = ContextDecisionSettings.defaults();
        ContextDecisionMaking task = new ContextDecisionMaking(new ContextDecisionSettings(null, null, null, null, null,
                null, null, null, null, null, null, null, new RateEncoding(1, null, null), null));
        double sum = 0;
        int n = 0;
        for (int batch = 0; batch < 12; batch++) {
            TrialBatch b = task.batch(3, batch, 64);
            for (double d : b.info("delayMs")) {
                assertTrue(d >= 300 && d <= 3000, "delay " + d);
                sum += d;
                n++;
            }
        }
        double mean = s.delayMeanMs();
        double span = s.delayMaxMs() - s.delayMinMs();
        double tail = Math.exp(-span / mean);
        double expected = s.delayMinMs() + mean - span * tail / (1 - tail);
        double sd = mean; // at most the exponential's own spread
        assertEquals(expected, sum / n, 5 * sd / Math.sqrt(n), "mean delay");
        ContextDecisionMaking fixed = new ContextDecisionMaking(s.withDelay(600, 500, 500));
        TrialBatch b = fixed.batch(1, 0, 8);
        assertEquals(300 + 750 + 500 + 100, b.steps());
        for (double o : b.info("onsetStep")) {
            assertEquals(0, o);
        }
    }

    @Test
    void implicitContextReportsTheFixedModality() {
        ContextDecisionMaking task = new ContextDecisionMaking(new ContextDecisionSettings(null, null, false, 1, null, 0.0,
                null, null, null, null, null, null, null, null));
        assertEquals(5, task.groups().size());
        TrialBatch b = task.batch(2, 0, 32);
        for (int k = 0; k < b.trials(); k++) {
            int stim = (int) b.info("onsetStep")[k] + 400;
            assertEquals(b.rate(stim, k, 3) > b.rate(stim, k, 4) ? 0 : 1, b.labels()[k]);
        }
    }

    @Test
    void badSettingsAreRefused() {
        ContextDecisionSettings s = ContextDecisionSettings.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContextDecisionMaking(s.withDelay(600, 900, 800)));
        assertTrue(e.getMessage().contains("delayMaxMs = 800.0") && e.getMessage().contains("delayMinMs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ContextDecisionMaking(s.withDelay(0, 300, 800)));
        assertTrue(e.getMessage().contains("delayMeanMs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ContextDecisionMaking(new ContextDecisionSettings(
                null, null, false, 2, null, null, null, null, null, null, null, null, null, null)));
        assertTrue(e.getMessage().contains("implicitModality = 2"), e.getMessage());
    }
}
