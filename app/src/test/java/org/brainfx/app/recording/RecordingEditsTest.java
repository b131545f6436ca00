package org.brainfx.app.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.Test;

class RecordingEditsTest {

    private static final FitSettings.LossTerm MSE = new FitSettings.LossTerm("mse", 1.0, 10, null, null, null, null,
            List.of(1.0, 2.0, 3.0, 4.0));
    private static final FitSettings.LossTerm LATENCY = new FitSettings.LossTerm("first_spike_latency", 0.1, null, null,
            null, List.of(20.0, 70.0), null);
    private static final FitSettings.LossTerm COUNT = new FitSettings.LossTerm("spike_count", 1.0, null, null, null);
    private static final FitSettings.LossTerm RIN = new FitSettings.LossTerm("input_resistance", 1.0, null, null, null,
            List.of(30.0, 60.0), List.of(0.0, 10.0));

    private static Project project(List<Integer> sweeps, FitSettings fit) {
        return new Project(1, "p", null, new Project.ModelRef("adex", null, null), null, null, null, null, fit,
                new Project.RecordingRef("cell.abf", sweeps, null, 0.1, null));
    }

    private static FitSettings fit(FitSettings.LossTerm... terms) {
        return new FitSettings(null, List.of(terms), "cmaes", 4, 10, null, null, 1L, null);
    }

    @Test
    void selectionIsListedInOrderAndNullMeansAll() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5), RecordingEdits.selectedSweeps(project(null, null), 6));
        assertEquals(List.of(1, 3, 4), RecordingEdits.selectedSweeps(project(List.of(4, 1, 3), null), 6));
    }

    @Test
    void sweepWeightsFollowTheirSweeps() {
        Project before = project(List.of(1, 2, 4, 5), fit(MSE, COUNT));
        Project after = RecordingEdits.withSweeps(before, List.of(0, 2, 5), 6);
        assertEquals(List.of(0, 2, 5), after.recording().sweeps());
        // Sweep 0 is new (weight 1); sweeps 2 and 5 keep 2.0 and 4.0.
        assertEquals(List.of(1.0, 2.0, 4.0), after.fit().losses().get(0).sweepWeights());
        assertNull(after.fit().losses().get(1).sweepWeights());
        assertEquals(before.fit().optimizer(), after.fit().optimizer());
        assertEquals(before.recording().dt(), after.recording().dt());
    }

    @Test
    void selectingEverySweepWritesAllAsTheFileSaysIt() {
        Project all = project(null, fit(MSE));
        Project fewer = RecordingEdits.withSweeps(all, List.of(0, 1, 3), 4);
        Project again = RecordingEdits.withSweeps(fewer, List.of(3, 2, 1, 0), 4);
        assertNull(again.recording().sweeps());
        // A deselected sweep's weight is gone from the project; back, it weighs 1 like any added sweep.
        assertEquals(List.of(1.0, 2.0, 1.0, 4.0), again.fit().losses().get(0).sweepWeights());
    }

    @Test
    void aSelectionMustHoldAnExistingSweep() {
        Project p = project(null, null);
        assertThrows(IllegalArgumentException.class, () -> RecordingEdits.withSweeps(p, List.of(), 4));
        assertThrows(IllegalArgumentException.class, () -> RecordingEdits.withSweeps(p, List.of(4), 4));
        Project noRecording = new Project(1, "p", null, null, null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> RecordingEdits.withSweeps(noRecording, List.of(0), 4));
    }

    @Test
    void theWindowGoesToTermsThatLookAtOne() {
        Project p = RecordingEdits.withFitWindow(project(null, fit(MSE, LATENCY, COUNT, RIN)), List.of(5.0, 50.0));
        List<FitSettings.LossTerm> terms = p.fit().losses();
        assertEquals(List.of(5.0, 50.0), terms.get(0).window());
        assertEquals(MSE.sweepWeights(), terms.get(0).sweepWeights());
        assertEquals(List.of(5.0, 50.0), terms.get(1).window());
        assertSame(COUNT, terms.get(2));
        assertSame(RIN, terms.get(3), "input resistance keeps the step it measures");
        assertEquals(List.of(new RecordingEdits.TermWindow("mse", List.of(5.0, 50.0)),
                new RecordingEdits.TermWindow("first_spike_latency", List.of(5.0, 50.0))), RecordingEdits.fitWindows(p));

        Project cleared = RecordingEdits.withFitWindow(p, null);
        assertNull(cleared.fit().losses().get(0).window());
        assertNull(cleared.fit().losses().get(1).window());
    }

    @Test
    void aProjectWithoutLossTermsGetsTheDefaultMseWithTheWindow() {
        Project bare = project(null, null);
        assertEquals(List.of(new RecordingEdits.TermWindow("mse", null)), RecordingEdits.fitWindows(bare));
        assertSame(bare, RecordingEdits.withFitWindow(bare, null), "clearing nothing changes nothing");
        Project windowed = RecordingEdits.withFitWindow(bare, List.of(1.0, 2.0));
        assertEquals(1, windowed.fit().losses().size());
        assertEquals("mse", windowed.fit().losses().get(0).kind());
        assertEquals(List.of(1.0, 2.0), windowed.fit().losses().get(0).window());
    }

    @Test
    void aWindowMustBeAnInterval() {
        Project p = project(null, null);
        assertThrows(IllegalArgumentException.class, () -> RecordingEdits.withFitWindow(p, List.of(5.0, 5.0)));
        assertThrows(IllegalArgumentException.class, () -> RecordingEdits.withFitWindow(p, List.of(5.0)));
    }
}
