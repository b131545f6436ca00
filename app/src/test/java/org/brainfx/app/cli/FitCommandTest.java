package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx fit} on the HH sample, on a project with nothing to fit, and with a bad optimizer. */
class FitCommandTest {
    private static final String SAMPLE = "../sample-projects/hh-synthetic";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void shortFitOfTheHhSampleWritesResultChartsAndJsonSummary() throws IOException {
        Path out = dir.resolve("out");
        Path json = dir.resolve("summary.json");

        CommandRun run = CommandRun.of("fit", SAMPLE, "--starts", "2", "--max-iter", "5", "--out", out.toString(),
                "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(Files.exists(out.resolve("result.json")), run.both());
        assertPng(out.resolve("fit.png"));
        assertPng(out.resolve("loss.png"));
        JsonObject summary = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(Double.isFinite(summary.get("loss").getAsDouble()), summary.toString());
        assertEquals(Set.of("gL", "gNa", "gK", "Vth"), summary.getAsJsonObject("params").keySet());
        double rmse = summary.get("rmse").getAsDouble();
        assertTrue(rmse >= 0 && Double.isFinite(rmse), "RMSE in mV: " + rmse);
        assertTrue(summary.get("iterations").getAsInt() <= 5, summary.toString());
        assertTrue(summary.get("evaluations").getAsLong() > 0, summary.toString());
        JsonObject first = summary.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals(Set.of("iteration", "evaluations", "seconds", "bestLoss"), first.keySet());
        assertTrue(summary.has("wallSeconds") && summary.has("stopReason"), summary.toString());
        JsonObject result = JsonParser.parseString(Files.readString(out.resolve("result.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("hh-synthetic", result.get("project").getAsString());
        assertEquals(summary.get("loss").getAsDouble(), result.get("loss").getAsDouble());
        assertTrue(run.out().contains("RMSE"), run.out());
        assertTrue(run.out().contains("gNa"), run.out());
        assertTrue(run.err().contains("fit: lbfgsb: iteration budget after 5 iterations"), "closing progress line: " + run.err());
        assertTrue(run.out().contains("stopped      iteration budget used up. Next: "), "why, in words: " + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("5 ")) && run.out().lines().noneMatch(
                l -> l.trim().matches("0 .*")), "sweeps numbered from 1: " + run.out());
    }

    @Test
    void projectWithNoFreeParametersFailsWithTheEnginesMessage() throws IOException {
        Path project = dir.resolve("fixed.brainfx.json");
        Files.writeString(project, """
                {
                  "schemaVersion": 1,
                  "name": "fixed",
                  "model": { "builtin": "hh" },
                  "stimulus": { "dt": 0.05, "steps": [[0, 2, 1, 8]] },
                  "target": { "state": "V", "syntheticParameters": { "gNa": 20.0 } },
                  "fit": { "free": {} }
                }
                """);

        CommandRun run = CommandRun.of("fit", project.toString(), "--out", dir.resolve("out").toString());

        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().startsWith("brainfx fit: "), run.err());
        assertTrue(run.err().contains("nothing to fit"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void unknownOptimizerIsAUsageErrorListingTheChoices() {
        CommandRun run = CommandRun.of("fit", SAMPLE, "--optimizer", "bfgs", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("'bfgs'"), run.err());
        assertTrue(run.err().contains("lbfgsb, adam, basin, hybrid, de, pso, cmaes, random"), run.err());
    }

    @Test
    void zeroStartsIsAUsageError() {
        CommandRun run = CommandRun.of("fit", SAMPLE, "--starts", "0", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("--starts must be at least 1"), run.err());
    }

    static void assertPng(Path file) throws IOException {
        assertTrue(Files.exists(file), file + " exists");
        byte[] head = new byte[PNG_MAGIC.length];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, head.length);
        assertTrue(Arrays.equals(PNG_MAGIC, head), file + " is a PNG");
    }
}
