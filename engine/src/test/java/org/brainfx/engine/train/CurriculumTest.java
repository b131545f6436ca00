package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.task.DelayedMatchSettings;
import org.brainfx.engine.task.DelayedMatchToSample;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A curriculum: its stages' batches come first, each the project's task with some settings changed; bad stages are named. */
class CurriculumTest {

    private static CurriculumStage stage(int batches, String setting, Number value) {
        JsonObject s = new JsonObject();
        s.addProperty(setting, value);
        return new CurriculumStage(batches, s);
    }

    private static TrainingSettings withCurriculum(TrainingSettings s, List<CurriculumStage> stages) {
        return new TrainingSettings(s.algorithm(), s.batchSize(), s.learningRate(), s.clipNorm(), s.batches(), s.budgetSeconds(),
                s.targetAccuracy(), s.stopOnBatchAccuracy(), s.evaluationTrials(), s.evaluateEvery(), s.checkpointEvery(),
                s.seed(), s.rateTargetHz(), s.rateRegularizer(), s.esAlpha(), s.threads(), stages);
    }

    private static TrainingProject dms() {
        JsonObject task = new JsonObject();
        task.addProperty("testThroughDecision", true);
        return new TrainingProject(1, "dms", "", new TrainingProject.TaskSpec("delayed_match_to_sample", task),
                new TrainingProject.RsnnSpec(8, 2, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null), null);
    }

    @Test
    void theStagesComeFirstThenTheProjectsTask() {
        TrainingSettings s = withCurriculum(TrainingSettings.defaults(),
                List.of(stage(2, "delayMs", 100), stage(1, "delayMs", 500)));
        TrainingSetup setup = TrainingSetup.of(dms(), s, Path.of("."));
        assertEquals(3200, setup.task().batch(5, 0, 2).steps(), "held-out and test trials: the project's task");
        assertEquals(List.of(2300, 2300, 2700, 3200, 3200),
                java.util.stream.LongStream.range(0, 5).mapToObj(i -> setup.trainingTask().batch(5, i, 2).steps()).toList());
        // A stage is the project's task (its other settings kept: the test stays on) with the stage's delay.
        DelayedMatchSettings d = DelayedMatchSettings.defaults();
        DelayedMatchToSample shortDelay = new DelayedMatchToSample(new DelayedMatchSettings(null, null, null, null, null, 100.0,
                null, null, null, true));
        TrialBatch expected = shortDelay.batch(5, 1, 16);
        TrialBatch staged = setup.trainingTask().batch(5, 1, 16);
        assertArrayEquals(expected.labels(), staged.labels());
        assertArrayEquals(expected.rates(), staged.rates());
        assertArrayEquals(expected.spikeChannel(), staged.spikeChannel());
        assertEquals(d.delayMs(), ((DelayedMatchToSample) setup.task()).settings().delayMs(), "the project's task is untouched");
        assertTrue(setup.trainingTask().batch(5, 3, 16).rate(2999, 0, 1) + setup.trainingTask().batch(5, 3, 16).rate(2999, 0, 2) > 0,
                "the project's own settings still hold after the curriculum");
    }

    @Test
    void withoutACurriculumTrainingUsesTheTaskItself() {
        TrainingSetup setup = TrainingSetup.of(dms(), TrainingSettings.defaults(), Path.of("."));
        assertTrue(setup.trainingTask() == setup.task());
    }

    @Test
    void aStageMayNotChangeWhatTheNetworkReadsOrAnswers() {
        TrainingSettings s = withCurriculum(TrainingSettings.defaults(), List.of(stage(5, "ring", 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(dms(), s, Path.of(".")));
        assertTrue(e.getMessage().startsWith("training.curriculum[0].settings change the task's inputs"), e.getMessage());
        assertTrue(e.getMessage().contains("125 channels") && e.getMessage().contains("75 channels"), e.getMessage());
    }

    @Test
    void badStagesNameTheStageAndTheField() {
        IllegalArgumentException noBatches = assertThrows(IllegalArgumentException.class, () -> withCurriculum(
                TrainingSettings.defaults(), List.of(stage(5, "delayMs", 100), stage(0, "delayMs", 200))).resolved());
        assertTrue(noBatches.getMessage().startsWith("training.curriculum[1].batches must be at least 1"), noBatches.getMessage());
        IllegalArgumentException noSettings = assertThrows(IllegalArgumentException.class, () -> withCurriculum(
                TrainingSettings.defaults(), List.of(new CurriculumStage(5, null))).resolved());
        assertTrue(noSettings.getMessage().startsWith("training.curriculum[0] has no \"settings\""), noSettings.getMessage());
        TrainingSettings negative = withCurriculum(TrainingSettings.defaults(), List.of(stage(5, "delayMs", -10)));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(dms(), negative,
                Path.of(".")));
        assertTrue(bad.getMessage().startsWith("training.curriculum[0]: ") && bad.getMessage().contains("delayMs = -10"),
                bad.getMessage());
    }

    @Test
    void theProjectFileCarriesTheCurriculumAndOverridesKeepIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.brainfx.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "c", "description": "",
                 "task": {"name": "delayed_match_to_sample", "settings": {}},
                 "training": {"batches": 30, "curriculum": [
                   {"batches": 10, "settings": {"delayMs": 0}},
                   {"batches": 5, "settings": {"delayMs": 500, "sigma": 0.5}}]}}
                """);
        TrainingProject p = TrainingProjectFiles.read(file);
        TrainingSettings s = p.training().resolved();
        assertEquals(2, s.curriculum().size());
        assertEquals(500.0, s.curriculum().get(1).settings().get("delayMs").getAsDouble());
        assertEquals(s.curriculum(), s.with("bptt", 40, null, null, 2L, 1).curriculum(), "command-line overrides keep it");
        assertEquals(s.curriculum(), s.withStopOnBatchAccuracy(0.9).curriculum());
    }

    @Test
    void aRunCrossesFromTheStagesToTheTaskAndResumesAcrossTheBoundary(@TempDir Path dir) {
        TrainingProject project = TrainJobTest.shortProject(null);
        TrainingSettings s = withCurriculum(TrainJobTest.settings(6, 2), List.of(stage(3, "cues", 1)));
        TrainingSetup setup = TrainingSetup.of(project, s, Path.of("."));
        assertEquals(150 + 100 + 150, setup.trainingTask().batch(1, 2, 1).steps(), "a one-cue stage");
        assertEquals(3 * 150 + 100 + 150, setup.trainingTask().batch(1, 3, 1).steps(), "then the project's three cues");
        TrainResult straight = new TrainJob(setup, null, false).run(null);
        assertEquals(6, straight.history().size());
        new TrainJob(TrainingSetup.of(project, withCurriculum(TrainJobTest.settings(2, 2), s.curriculum()), Path.of(".")), dir,
                false).run(null);
        TrainResult resumed = new TrainJob(setup, dir, true).run(null);
        assertEquals(6, resumed.batches());
        for (int a = 0; a < 4; a++) {
            assertArrayEquals(straight.last().arrays().get(a), resumed.last().arrays().get(a), RsnnWeights.NAMES.get(a));
        }
        TrainResult plain = new TrainJob(TrainingSetup.of(project, TrainJobTest.settings(6, 2), Path.of(".")), null, false)
                .run(null);
        assertTrue(!java.util.Arrays.equals(plain.last().input(), straight.last().input()), "the stages trained on other trials");
    }
}
