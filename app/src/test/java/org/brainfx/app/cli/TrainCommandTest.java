package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx train} on a small project: outputs written, JSON as the issue specifies, resume, bad input named. */
class TrainCommandTest {
    private static final String SMALL = """
            {
              "schemaVersion": 1,
              "name": "small",
              "task": {"name": "evidence_accumulation", "settings": {"cues": 3, "delayMs": 100}},
              "rsnn": {"excitatory": 12, "inhibitory": 4, "tauMs": 50,
                       "excitatoryOut": {"rule": "fixed_probability", "p": 0.5}},
              "training": {"batchSize": 16, "learningRate": 0.01, "batches": 4, "evaluationTrials": 32,
                           "evaluateEvery": 2, "checkpointEvery": 2, "seed": 2}
            }
            """;

    @Test
    void trainsAndWritesWeightsCurvesPicturesAndJson(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("small.brainfx.json");
        Files.writeString(project, SMALL);
        Path out = dir.resolve("out");
        Path json = dir.resolve("summary.json");
        CommandRun run = CommandRun.of("train", project.toString(), "--out", out.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("held-out    accuracy"), run.both());
        for (String f : new String[] {"input.npy", "excitatory.npy", "inhibitory.npy", "readout.npy", "training.csv",
                "training.png", "trial.png", "weights.png", "checkpoint.bin"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(5, Files.readAllLines(out.resolve("training.csv")).size(), "header and 4 batches");
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (String key : new String[] {"accuracy", "loss", "batches", "wallSeconds", "secondsPerBatch", "peakHeapMB", "history"}) {
            assertTrue(o.has(key), key + " in " + o);
        }
        assertEquals(4, o.get("batches").getAsInt());
        assertEquals(4, o.getAsJsonArray("history").size());

        CommandRun more = CommandRun.of("train", project.toString(), "--out", out.toString(), "--batches", "6", "--resume");
        assertEquals(0, more.exitCode(), more.both());
        assertEquals(7, Files.readAllLines(out.resolve("training.csv")).size(), "resumed at batch 4, trained to 6");
    }

    @Test
    void aCurriculumIsShownAndTrainedThrough(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("staged.brainfx.json");
        Files.writeString(project, SMALL.replace("\"seed\": 2}", "\"seed\": 2,"
                + " \"curriculum\": [{\"batches\": 2, \"settings\": {\"cues\": 1}}]}"));
        CommandRun run = CommandRun.of("train", project.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("curriculum  stage 1: 2 batches with {\"cues\":1}"), run.both());
        assertTrue(run.out().contains("(100 channels, 700 steps"), "the header shows the project's task: " + run.both());
        assertEquals(5, Files.readAllLines(dir.resolve("out").resolve("training.csv")).size(), "2 stage batches, then 2");
    }

        @Test
    void theRandomDotTaskGetsItsPsychometricCurveBesideTheMonkeys(@TempDir Path dir) throws IOException {
        Path behavior = Path.of("../sample-projects/random-dots-training/roitman2002_behavior_monkeyB.csv").toAbsolutePath();
        Path project = dir.resolve("dots.brainfx.json");
        Files.writeString(project, SMALL.replace("\"evidence_accumulation\", \"settings\": {\"cues\": 3, \"delayMs\": 100}",
                "\"random_dots\", \"settings\": {\"behavior\": \"" + behavior.toString().replace("\\", "/")
                        + "\", \"stimulusMs\": 200}"));
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of("train", project.toString(), "--out", out.toString(), "--batches", "2");
        assertEquals(0, run.exitCode(), run.both());
        java.util.List<String> rows = Files.readAllLines(out.resolve("psychometric.csv"));
        assertEquals(7, rows.size(), "header and monkey B's six coherences: " + rows);
        assertTrue(rows.get(6).startsWith("51.2,") && rows.get(6).split(",").length == 6, rows.get(6));
        assertTrue(Files.size(out.resolve("psychometric.png")) > 0);
    }

    @Test
    void theTorchPeerIsTimedInTheSameCommand(@TempDir Path dir) throws Exception {
        boolean torch = TorchTrainingPeer.available();
        if (!torch && System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.fail("CI is set but torch does not import; .ci/run installs python3-torch");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(torch, "no torch here");
        Path project = dir.resolve("small.brainfx.json");
        Files.writeString(project, SMALL.replace("\"batchSize\": 16", "\"batchSize\": 4"));
        Path json = dir.resolve("s.json");
        CommandRun run = CommandRun.of("train", project.toString(), "--out", dir.resolve("o").toString(), "--batches", "3",
                "--peers", "torch", "--peer-batches", "2", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("seconds per batch of 4") && run.out().contains("torch"), run.both());
        JsonObject peer = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("peers").get(0)
                .getAsJsonObject();
        assertEquals("torch", peer.get("name").getAsString());
        assertEquals(1, peer.get("threads").getAsInt());
        assertTrue(peer.get("secondsPerBatch").getAsDouble() > 0);
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("bad.brainfx.json");
        Files.writeString(project, SMALL.replace("\"batchSize\": 16", "\"batchSize\": 0"));
        CommandRun run = CommandRun.of("train", project.toString(), "--out", dir.resolve("o").toString());
        assertTrue(run.exitCode() != 0, run.both());
        assertTrue(run.err().contains("training.batchSize"), run.both());
        Files.writeString(project, SMALL);
        CommandRun algo = CommandRun.of("train", project.toString(), "--algorithm", "sgd", "--out", dir.resolve("o").toString());
        assertTrue(algo.exitCode() != 0 && algo.err().contains("--algorithm") && algo.err().contains("bptt"), algo.both());
    }
}
