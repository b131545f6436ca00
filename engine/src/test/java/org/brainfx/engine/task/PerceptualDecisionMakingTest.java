package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PerceptualDecisionMakingTest {

    @Test
    void withoutNoiseTheLabelledStimulusIsTheStrongerOneByTheCoherence() {
        PerceptualDecisionMaking task = new PerceptualDecisionMaking(PerceptualDecisionSettings.defaults().withSigma(0));
        assertEquals(List.of("fixation", "stimulus 1", "stimulus 2"),
                task.groups().stream().map(InputGroup::name).toList());
        assertEquals(75, task.channels());
        TrialBatch b = task.batch(2, 0, 64);
        assertEquals(2200, b.steps());
        assertEquals(100, b.maskedSteps());
        assertTrue(b.mask()[2100] && !b.mask()[2099]);
        for (int k = 0; k < b.trials(); k++) {
            double c = b.info("coherence")[k];
            int label = b.labels()[k];
            assertEquals(label, (int) b.info("direction")[k]);
            assertTrue(List.of(0.0, 6.4, 12.8, 25.6, 51.2).contains(c));
            // stimulus period 100 … 2099
            assertEquals(40 * (1 + c / 100) / 2, b.rate(500, k, 1 + label), 1e-4);
            assertEquals(40 * (1 - c / 100) / 2, b.rate(500, k, 2 - label), 1e-4);
            assertEquals(0f, b.rate(50, k, 1));
            assertEquals(0f, b.rate(2150, k, 1));
            assertEquals(40f, b.rate(50, k, 0));
            assertEquals(40f, b.rate(2099, k, 0));
            assertEquals(0f, b.rate(2100, k, 0), "fixation off at the go signal");
        }
    }

    @Test
    void anIdealObserverOfTheSpikesGetsBetterWithCoherence() {
        PerceptualDecisionMaking task = PerceptualDecisionMaking.standard();
        TreeMap<Double, int[]> byCoh = new TreeMap<>();
        for (int batch = 0; batch < 3; batch++) {
            TrialBatch b = task.batch(5, batch, 128);
            for (int k = 0; k < b.trials(); k++) {
                int s1 = b.spikeCount(k, 100, 2100, 25, 50);
                int s2 = b.spikeCount(k, 100, 2100, 50, 75);
                int choice = s1 == s2 ? (k & 1) : s1 > s2 ? 0 : 1;
                int[] acc = byCoh.computeIfAbsent(b.info("coherence")[k], c -> new int[2]);
                acc[0]++;
                acc[1] += choice == b.labels()[k] ? 1 : 0;
            }
        }
        double zero = byCoh.get(0.0)[1] / (double) byCoh.get(0.0)[0];
        double top = byCoh.get(51.2)[1] / (double) byCoh.get(51.2)[0];
        double mid = byCoh.get(12.8)[1] / (double) byCoh.get(12.8)[0];
        assertEquals(0.5, zero, 5 * Math.sqrt(0.25 / byCoh.get(0.0)[0]), "chance at 0 %");
        assertTrue(top > 0.97, "near perfect at 51.2 %: " + top);
        assertTrue(mid > zero && top > mid, "rising: " + zero + " " + mid + " " + top);
    }

    @Test
    void settingsFromJsonAndBadOnesRefused() {
        PerceptualDecisionSettings s = new Gson().fromJson("{\"coherences\":[0,50],\"encoding\":{\"hzPerUnit\":20}}",
                PerceptualDecisionSettings.class);
        assertEquals(List.of(0.0, 50.0), s.coherences());
        assertEquals(20.0, s.encoding().hzPerUnit());
        assertEquals(25, s.encoding().channelsPerInput());
        assertEquals(2000.0, s.stimulusMs());
        refused(s.withCoherences(List.of()), "coherences");
        refused(s.withCoherences(List.of(120.0)), "coherences");
        refused(s.withSigma(-1), "sigma");
        refused(new PerceptualDecisionSettings(null, 1, null, null, null, null, null, null, null, null), "choices");
        refused(new PerceptualDecisionSettings(null, null, null, null, null, null, null, 0.0, null, null), "decisionMs");
        refused(new PerceptualDecisionSettings(null, null, null, null, null, null, null, null,
                new RateEncoding(0, null, null), null), "encoding.channelsPerInput");
        refused(new PerceptualDecisionSettings(null, null, null, null, null, null, null, null,
                new RateEncoding(null, -3.0, null), null), "encoding.hzPerUnit");
        refused(new PerceptualDecisionSettings(null, null, null, null, null, null, null, null,
                new RateEncoding(null, null, -1.0), null), "encoding.backgroundHz");
    }

    private static void refused(PerceptualDecisionSettings s, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PerceptualDecisionMaking(s));
        assertTrue(e.getMessage().startsWith("perceptual decision making settings: " + field + " = "), e.getMessage());
    }

    @Test
    void theStimulusCanStayOnThroughTheDecision() {
        PerceptualDecisionSettings on = new PerceptualDecisionSettings(null, null, List.of(51.2), null, null, 500.0, null,
                null, null, true);
        TrialBatch b = new PerceptualDecisionMaking(on).batch(3, 0, 16);
        int decision = b.steps() - b.maskedSteps();
        int during = 0;
        for (int trial = 0; trial < 16; trial++) {
            during += b.spikeCount(trial, decision, b.steps(), 25, 75);
        }
        assertTrue(during > 16 * 100 * 50 * 0.01, "stimulus spikes in the decision period: " + during);
        TrialBatch off = PerceptualDecisionMaking.standard().batch(3, 0, 16);
        int none = 0;
        for (int trial = 0; trial < 16; trial++) {
            none += off.spikeCount(trial, off.steps() - off.maskedSteps(), off.steps(), 25, 75);
        }
        assertEquals(0, none, "NeuroGym's timing: no stimulus while the answer is read");
    }
}
