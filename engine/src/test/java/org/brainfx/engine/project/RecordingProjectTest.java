package org.brainfx.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects whose stimulus and target come from a recording file. */
class RecordingProjectTest {
    static final Path ABF_STEPS = Path.of("..", "sample-projects", "abf-steps");

    @Test
    void abfStepsSampleLoadsResampledSweepsWithTheirStimulusAndSpikes() {
        ResolvedProject p = ResolvedProject.load(ABF_STEPS);
        assertEquals(9, p.sweeps());
        assertEquals(0.1, p.dt(), 1e-12);
        assertEquals(10_000, p.steps(), "1 s at 0.1 ms");
        for (int s = 0; s < 9; s++) {
            assertEquals(-0.1 + 0.05 * s, p.stimulus()[s][4000], 1e-9, "step amplitude of sweep " + s + " at 400 ms");
            assertEquals(0, p.stimulus()[s][1000], 1e-9, "no current before the step");
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 2, 2, 3},
                Arrays.stream(p.targetSpikes()).mapToInt(a -> a.length).toArray());
        assertEquals(p.target()[3][0], p.simulate().traces()[0][3][0], 1.0,
                "each sweep starts from its first recorded voltage");
    }

    @Test
    void nwbStepsSampleSubtractsTheDcOffsetAndCountsRealSpikesOnly() {
        ResolvedProject p = ResolvedProject.load(Path.of("..", "sample-projects", "nwb-steps"));
        assertEquals(10, p.sweeps());
        assertEquals(7168, p.steps());
        double rest = Arrays.stream(p.target()[4], 0, 250).average().orElseThrow();
        assertTrue(rest > -85 && rest < -70, "rest after the 63 mV offset: " + rest);
        assertEquals(0.0, p.stimulus()[4][2000], 1e-6, "file sweep 10 has a 0 nA step (float32 in the file)");
        assertEquals(0, p.targetSpikes()[4].length, "its one-sample artifact at 345 ms is not a spike");
        assertTrue(p.targetSpikes()[9].length > 20, "the +1 nA sweep fires tonically");
    }

    @Test
    void voltageClampRecordingIsRefusedForAFit(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src", "test", "resources", "data", "abf", "17o05024_vc_steps.abf"), dir.resolve("vc.abf"));
        Project p = new Project(1, "vc", "", new Project.ModelRef("lif", null, null), null, null, null, null, null,
                new Project.RecordingRef("vc.abf", null, null, null, null));
        Path file = dir.resolve("vc" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        ProjectException e = assertThrows(ProjectException.class, () -> ResolvedProject.load(file));
        assertTrue(e.getMessage().contains("voltage clamp") && e.getMessage().contains("vc.abf"), e.getMessage());
    }

    @Test
    void badSelectionsNameTheFileAndTheFix(@TempDir Path dir) throws Exception {
        Files.copy(ABF_STEPS.resolve("File_axon_5.abf"), dir.resolve("cell.abf"));
        for (Project.RecordingRef bad : List.of(new Project.RecordingRef("cell.abf", List.of(12), null, null, null),
                new Project.RecordingRef("cell.abf", null, null, -0.1, null),
                new Project.RecordingRef("cell.abf", null, null, null, null, 3, null),
                new Project.RecordingRef("cell.abf", null, null, null, null, null, List.of(-5.0, 10.0)),
                new Project.RecordingRef("cell.abf", null, List.of(900.0, 1200.0), null, null))) {
            Project p = new Project(1, "bad", "", new Project.ModelRef("lif", null, null), null, null, null, null, null, bad);
            Path file = dir.resolve("bad" + ProjectFiles.SUFFIX);
            ProjectFiles.write(p, file);
            ProjectException e = assertThrows(ProjectException.class, () -> ResolvedProject.load(file));
            assertTrue(e.getMessage().contains("cell.abf"), e.getMessage());
        }
    }

    @Test
    void spikeDetectionIsSetPerProjectAndChecked(@TempDir Path dir) throws Exception {
        Files.copy(ABF_STEPS.resolve("File_axon_5.abf"), dir.resolve("cell.abf"));
        Path file = dir.resolve("spikes" + ProjectFiles.SUFFIX);
        // A 120 mV minimum height: none of the cell's spikes (about 100 mV from threshold) is one.
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "spikes", "model": {"builtin": "lif"},
                 "recording": {"file": "cell.abf", "spikes": {"minHeightMv": 120}}}""");
        ResolvedProject strict = ResolvedProject.load(file);
        assertEquals(0, Arrays.stream(strict.targetSpikes()).mapToInt(a -> a.length).sum());
        assertEquals(120.0, strict.project().recording().spikeSettings().minHeightMv());
        assertEquals(10.0, strict.project().recording().spikeSettings().dvdtMvPerMs(), "missing values default");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "spikes", "model": {"builtin": "lif"},
                 "recording": {"file": "cell.abf", "spikes": {"minWidthMs": 2, "maxWidthMs": 1}}}""");
        ProjectException e = assertThrows(ProjectException.class, () -> ResolvedProject.load(file));
        assertTrue(e.getMessage().contains("recording.spikes") && e.getMessage().contains("minWidthMs"), e.getMessage());
    }

    @Test
    void abfStepsFitRunsAndImproves() {
        FitConfig c = FitConfig.of(ResolvedProject.load(ABF_STEPS)).with(null, 8, 4, null, null, 3L, null);
        FitResult r = new FitJob(c).run(null);
        assertTrue(Double.isFinite(r.loss()));
        assertTrue(r.history().get(r.history().size() - 1).bestLoss() <= r.history().get(0).bestLoss());
        assertEquals(9, r.perSweepLoss().length);
    }
}
