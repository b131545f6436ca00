package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The Brian2 network peer: its command line, the script's JSON line, failures, and (with Brian2) a tiny run. */
class Brian2NetworkPeerTest {
    private static final String LINE = "{\"name\": \"coba\", \"target\": \"cpp_standalone\", \"neurons\": 4000,"
            + " \"synapses\": 320902, \"buildSeconds\": 5.43, \"runSeconds\": 0.315,"
            + " \"meanRateHz\": {\"E\": 22.7, \"I\": 22.3}, \"cvIsi\": {\"E\": 1.58, \"I\": 1.6},"
            + " \"seed\": 1, \"durationMs\": 1000.0, \"spikes\": 90510, \"brian2\": \"2.5.1\", \"binarySeconds\": 0.34}";

    @Test
    void lastLineBecomesARun() throws IOException {
        Brian2NetworkPeer.Run run = Brian2NetworkPeer.parse("FutureWarning: np.bool\n" + LINE + "\n\n");

        assertEquals(new Brian2NetworkPeer.Run("coba", "cpp_standalone", 4000, 320902, 5.43, 0.315,
                Map.of("E", 22.7, "I", 22.3), Map.of("E", 1.58, "I", 1.6)), run);
        assertEquals(List.of("E", "I"), List.copyOf(run.meanRateHz().keySet()), "populations keep their order");
        assertThrows(UnsupportedOperationException.class, () -> run.meanRateHz().put("X", 1.0));
    }

    @Test
    void aCvWithoutSpikesIsNullButARateIsNot() throws IOException {
        Brian2NetworkPeer.Run run = Brian2NetworkPeer.parse(LINE.replace("\"I\": 1.6", "\"I\": null"));
        assertNull(run.cvIsi().get("I"));
        assertTrue(run.cvIsi().containsKey("I"));

        IOException e = assertThrows(IOException.class,
                () -> Brian2NetworkPeer.parse(LINE.replace("\"I\": 22.3", "\"I\": null")));
        assertTrue(e.getMessage().contains("\"meanRateHz.I\" is not a number"), e.getMessage());
    }

    @Test
    void badOutputNamesTheFieldAndQuotesTheLine() {
        assertMessage(LINE.replace("\"runSeconds\": 0.315, ", ""), "lacks \"runSeconds\"");
        assertMessage(LINE.replace("\"neurons\": 4000", "\"neurons\": 4000.5"), "\"neurons\" is not a whole number");
        assertMessage(LINE.replace("\"name\": \"coba\"", "\"name\": 3"), "\"name\" is not a string");
        assertMessage(LINE.replace("\"buildSeconds\": 5.43", "\"buildSeconds\": -1"), "negative size or time");
        assertMessage(LINE.replace("{\"E\": 1.58, \"I\": 1.6}", "{}"), "\"cvIsi\" is not an object of populations");
        assertMessage("Traceback (most recent call last):", "unexpected output from brian2_networks.py");
        assertMessage("[1, 2]", "printed no JSON object");
        assertMessage("\n \n", "printed nothing");
    }

    @Test
    void argumentsOutOfRangeNameTheChoices() {
        Path script = Path.of("brian2_networks.py");
        assertEquals(List.of(Brian2NetworkPeer.PYTHON.toString(), "brian2_networks.py", "--network", "cobahh",
                        "--neurons", "40000", "--target", "cython", "--duration-ms", "1000.0",
                        "--seed", "7"),
                Brian2NetworkPeer.command(script, "cobahh", 40000, "cython", 1000, 7));
        assertArgument(() -> Brian2NetworkPeer.command(script, "brunel", 4000, "cython", 1000, 1),
                "'brunel'; use one of coba, cuba, cobahh");
        assertArgument(() -> Brian2NetworkPeer.command(script, "coba", 4000, "cuda", 1000, 1),
                "'cuda'; use one of cpp_standalone, cython, numpy");
        assertArgument(() -> Brian2NetworkPeer.command(script, "coba", 4, "numpy", 1000, 1), "at least 5 neurons");
        assertArgument(() -> Brian2NetworkPeer.command(script, "coba", 4000, "numpy", Double.NaN, 1),
                "positive number of ms");
    }

    @Test
    void missingBrian2IsNamed() {
        assertEquals("brian2 is not installed for /usr/bin/python3 (apt install python3-brian)",
                Brian2NetworkPeer.failure(List.of("Traceback (most recent call last):",
                        "ModuleNotFoundError: No module named 'brian2'")));
        assertEquals("Brian2 failed: RuntimeError: Project compilation failed",
                Brian2NetworkPeer.failure(List.of("x", "RuntimeError: Project compilation failed", "")));
    }

    @Test
    void tinyNumpyRunWithBrian2() throws IOException, InterruptedException {
        assumeTrue(hasBrian2(), Brian2NetworkPeer.PYTHON + " with brian2 is needed");

        Brian2NetworkPeer.Outcome outcome = Brian2NetworkPeer.run("cuba", 100, "numpy", 100, 3);

        assertNull(outcome.note(), outcome.note());
        Brian2NetworkPeer.Run run = outcome.run();
        assertEquals("cuba", run.name());
        assertEquals("numpy", run.target());
        assertEquals(100, run.neurons());
        assertTrue(run.synapses() > 0 && run.synapses() < 100 * 99, "p = 0.02 of 9 900 pairs: " + run.synapses());
        assertEquals(List.of("E", "I"), List.copyOf(run.meanRateHz().keySet()));
        assertTrue(run.meanRateHz().get("E") >= 0 && run.runSeconds() > 0, run.toString());
    }

    private static void assertMessage(String stdout, String part) {
        IOException e = assertThrows(IOException.class, () -> Brian2NetworkPeer.parse(stdout));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(stdout.strip()), "the line is quoted: " + e.getMessage());
    }

    private static void assertArgument(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static boolean hasBrian2() throws IOException, InterruptedException {
        if (!Files.isExecutable(Brian2NetworkPeer.PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(Brian2NetworkPeer.PYTHON.toString(), "-c", "import brian2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
