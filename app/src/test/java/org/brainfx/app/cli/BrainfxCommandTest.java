package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit codes and messages of the {@code brainfx} command line. */
class BrainfxCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BrainfxCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsSubcommandsAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: brainfx"), out.toString());
        for (String command : new String[] {"models", "simulate", "gradcheck", "bench"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " in " + out);
        }
        assertEquals("", err.toString());
    }

    @Test
    void outOfMemoryNamesTheHeapAndHowToGrowIt() {
        String message = BrainfxCommand.outOfMemory(new String[] {"simulate", "big.brainfx.json"}, 2048L << 20);
        assertTrue(message.startsWith("brainfx simulate: out of memory"), message);
        assertTrue(message.contains("2048 MB"), message);
        assertTrue(message.contains("BRAINFX_JAVA_OPTS=-Xmx8g ./brainfx simulate big.brainfx.json"), message);
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("(?s)brainfx \\d+\\.\\d+\\.\\d+.*"), out.toString());
    }

    @Test
    void unknownSubcommandIsAOneLineUsageError() {
        assertEquals(2, run("frobnicate"));
        String message = err.toString().strip();
        assertTrue(message.startsWith("brainfx: "), message);
        assertTrue(message.contains("unknown command 'frobnicate'"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("at org."), "no stack trace: " + message);
    }

    @Test
    void misspelledSubcommandGetsASuggestion() {
        assertEquals(2, run("model"));
        assertTrue(err.toString().contains("did you mean 'models'?"), err.toString());
    }

    @Test
    void subcommandsInheritHelp() {
        assertEquals(0, run("models", "--help"));
        assertTrue(out.toString().contains("Usage: brainfx models"), out.toString());
        assertTrue(out.toString().contains("--verbose"), out.toString());
    }

    @Test
    void unknownOptionOfSubcommandIsAUsageError() {
        assertEquals(2, run("models", "--no-such-option"));
        assertTrue(err.toString().startsWith("brainfx models: "), err.toString());
    }
}
