package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx compare}: a short race of two optimizers, and a bad optimizer list. */
class CompareCommandTest {
    private static final String SAMPLE = "../sample-projects/hh-synthetic";

    @TempDir
    Path dir;

    @Test
    void twoOptimizerRaceWritesChartAndJsonTable() throws IOException {
        Path out = dir.resolve("out");
        Path json = dir.resolve("compare.json");

        CommandRun run = CommandRun.of("compare", SAMPLE, "--optimizers", "lbfgsb,random", "--repeats", "1",
                "--max-iter", "3", "--starts", "2", "--target-loss", "1e30", "--out", out.toString(),
                "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        FitCommandTest.assertPng(out.resolve("compare.png"));
        JsonObject table = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(Set.of("optimizers", "target"), table.keySet());
        assertEquals(1e30, table.get("target").getAsDouble());
        JsonArray rows = table.getAsJsonArray("optimizers");
        assertEquals(2, rows.size());
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals("lbfgsb", first.get("name").getAsString());
        assertEquals("random", rows.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals(Set.of("name", "lossMean", "lossSd", "wallSecondsMean", "wallSecondsSd", "secondsToTarget"),
                first.keySet());
        assertTrue(first.get("secondsToTarget").getAsDouble() >= 0, "every loss is below 1e30: " + first);
        assertTrue(run.out().contains("1/1"), "reached column: " + run.out());
        assertTrue(run.out().contains("random"), run.out());
    }

    @Test
    void unknownOptimizerInTheListIsAUsageError() {
        CommandRun run = CommandRun.of("compare", SAMPLE, "--optimizers", "lbfgsb,nelder", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("'nelder'"), run.err());
        assertTrue(run.err().contains("lbfgsb, adam, basin, hybrid, de, pso, cmaes, random"), run.err());
    }
}
