package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.SharedData;
import org.junit.jupiter.api.Test;

class RoitmanShadlenBehaviorTest {

    static Path resource() throws URISyntaxException {
        return Path.of(RoitmanShadlenBehaviorTest.class.getResource("/data/cognitive-task/roitman2002_behavior_monkeyB.csv")
                .toURI());
    }

    @Test
    void monkeyBsCurvesHaveTheFilesCountsAndTheKnownShape() throws Exception {
        RoitmanShadlenBehavior m = RoitmanShadlenBehavior.read(resource());
        assertEquals(2615, m.trials());
        assertEquals(List.of(0.0, 3.2, 6.4, 12.8, 25.6, 51.2), m.coherences());
        // Counts and values from an independent count of the file (Python csv module).
        int[] trials = {432, 437, 436, 436, 436, 438};
        int[] toward = {193, 269, 322, 407, 434, 438};
        double[] rt = {787.6018518518514, 772.449814126394, 735.322981366459, 661.9680589680592, 559.6198156682028,
                464.41324200913226};
        for (int i = 0; i < 6; i++) {
            RoitmanShadlenBehavior.CoherencePoint p = m.points().get(i);
            assertEquals(trials[i], p.trials());
            assertEquals(toward[i], p.choicesInMotionDirection());
            assertEquals(i == 0 ? trials[0] : toward[i], p.correctTrials());
            assertEquals(rt[i], p.meanCorrectRtMs(), 1e-6);
            if (i > 0) {
                RoitmanShadlenBehavior.CoherencePoint prev = m.points().get(i - 1);
                assertTrue(p.fractionInMotionDirection() > prev.fractionInMotionDirection(), "psychometric rises");
                assertTrue(p.meanCorrectRtMs() < prev.meanCorrectRtMs(), "chronometric falls");
            }
        }
        assertEquals(0.5, m.points().get(0).fractionInMotionDirection(), 0.06);
        assertEquals(1.0, m.points().get(5).fractionInMotionDirection());
        assertEquals(11, m.signed().size());
        assertEquals(-51.2, m.signed().get(0).coherence());
        assertTrue(m.signed().get(0).fractionRight() < 0.02 && m.signed().get(10).fractionRight() > 0.98);
        assertEquals(2615, m.signed().stream().mapToInt(RoitmanShadlenBehavior.SignedPoint::trials).sum());
    }

    @Test
    void theRandomDotTaskUsesTheMonkeysCoherences() throws Exception {
        RoitmanShadlenBehavior m = RoitmanShadlenBehavior.read(resource());
        PerceptualDecisionMaking task = m.randomDotTask();
        assertEquals(m.coherences(), task.settings().coherences());
        TrialBatch b = task.batch(1, 0, 256);
        for (double c : b.info("coherence")) {
            assertTrue(m.coherences().contains(c), "coherence " + c);
        }
        assertTrue(java.util.Arrays.stream(b.info("coherence")).anyMatch(c -> c == 3.2));
    }

    @Test
    void theTestCopyEqualsTheSharedFile() throws Exception {
        Path shared = SharedData.require("cognitive-task/roitman2002_behavior_monkeyB.csv");
        assertArrayEquals(Files.readAllBytes(shared), Files.readAllBytes(resource()));
    }

    @Test
    void badFilesAreRefusedWithFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoitmanShadlenBehavior.parse(new StringReader(""), "b.csv"));
        assertTrue(e.getMessage().contains("b.csv") && e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RoitmanShadlenBehavior.parse(new StringReader("trial_index,coh,choice,rt_s\n"), "b.csv"));
        assertTrue(e.getMessage().contains("no column 'signed_coherence'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RoitmanShadlenBehavior.parse(
                new StringReader("signed_coherence,choice,rt_s\n0.1,1,0.5\n0.1,2,0.5\n"), "b.csv"));
        assertTrue(e.getMessage().startsWith("b.csv:3: choice = '2'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RoitmanShadlenBehavior.parse(
                new StringReader("signed_coherence,choice,rt_s\nx,1,0.5\n"), "b.csv"));
        assertTrue(e.getMessage().startsWith("b.csv:2: signed_coherence = 'x' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RoitmanShadlenBehavior.parse(
                new StringReader("signed_coherence,choice,rt_s\n0.1,1,-0.5\n"), "b.csv"));
        assertTrue(e.getMessage().contains("rt_s"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RoitmanShadlenBehavior.parse(
                new StringReader("signed_coherence,choice,rt_s\n0.1,1\n"), "b.csv"));
        assertTrue(e.getMessage().contains("b.csv:2: 2 fields"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RoitmanShadlenBehavior.parse(
                new StringReader("signed_coherence,choice,rt_s\n"), "b.csv"));
        assertTrue(e.getMessage().contains("no trials"), e.getMessage());
    }
}
