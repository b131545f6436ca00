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
    void unknownOptionIsAUsageError() {
        CommandRun run = CommandRun.of("bench", "--lanes", "5");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().startsWith("brainfx bench: "), run.err());
    }
}
