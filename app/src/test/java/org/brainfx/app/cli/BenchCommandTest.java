package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The options of {@code brainfx bench}; the benchmark itself is a command to run, not a test. */
class BenchCommandTest {

    @Test
    void helpListsTheOptions() {
        CommandRun run = CommandRun.of("bench", "--help");

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("Usage: brainfx bench"), run.out());
        for (String option : new String[] {"--json", "--quick", "--no-peers"}) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void networkBenchmarksPrintTheirTableAndJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path json = dir.resolve("bench.json");
        CommandRun run = CommandRun.of("bench", "--networks", "--quick", "--network", "cuba", "--sizes", "200",
                "--threads", "1", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("cuba") && run.out().contains("BrainFX") && run.out().contains("bytes/synapse"), run.out());
        com.google.gson.JsonObject report = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(json))
                .getAsJsonObject();
        com.google.gson.JsonObject first = report.getAsJsonArray("networks").get(0).getAsJsonObject();
        assertEquals("cuba", first.get("name").getAsString());
        assertEquals(200, first.get("neurons").getAsInt());
        for (String key : new String[] {"synapses", "threads", "buildSeconds", "runSeconds", "meanRateHz"}) {
            assertTrue(first.has(key), key + " in " + first);
        }
        assertTrue(report.has("peers"), report.toString());
    }

    @Test
    void unknownPeerIsAUsageError() {
        CommandRun run = CommandRun.of("bench", "--networks", "--peers", "nest");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("unknown peer 'nest'"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandRun run = CommandRun.of("bench", "--lanes", "5");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().startsWith("brainfx bench: "), run.err());
    }
}
