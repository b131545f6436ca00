package org.brainfx.app.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Brian2 side of {@code brainfx bench}: runs the engine's {@code brian2_hh.py} (the built-in
 * HH on the five reference traces, Cython target) in Debian's Python and reads its median time.
 */
final class Brian2Peer {
    /** Debian's interpreter, which has Brian2 from {@code python3-brian}; a pyenv {@code python3} on PATH does not. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "/org/brainfx/engine/bench/brian2_hh.py";
    /** The first run compiles Cython code, which takes minutes on a cold cache. */
    private static final long TIMEOUT_MINUTES = 15;

    /** Brian2's median milliseconds per five-trace run, or null with the reason it is missing. */
    record Outcome(Double medianMillis, String note) { }

    private Brian2Peer() {
    }

    /** Measures Brian2 on {@code inputCsv} with {@code repeats} timed runs; never throws for a missing peer. */
    static Outcome measure(Path inputCsv, int repeats) throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return new Outcome(null, PYTHON + " not found; install python3-brian to measure Brian2");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("brainfx-brian2");
            Path script = dir.resolve("brian2_hh.py");
            Path stderr = dir.resolve("stderr.txt");
            if (!PeerScript.extract(SCRIPT, script)) {
                return new Outcome(null, "the engine jar lacks " + SCRIPT);
            }
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString(),
                    inputCsv.toAbsolutePath().toString(), Integer.toString(repeats))
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            // Stdout is one JSON line; read it all before waiting so the pipe never fills.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(null, "Brian2 did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                return new Outcome(null, failure(Files.readAllLines(stderr, StandardCharsets.UTF_8)));
            }
            return new Outcome(medianMillis(out), null);
        } catch (IOException e) {
            return new Outcome(null, "cannot run Brian2 (" + e.getMessage() + ")");
        } finally {
            PeerScript.deleteQuietly(dir);
        }
    }

    private static double medianMillis(String stdout) throws IOException {
        String[] lines = stdout.strip().split("\n");
        try {
            JsonElement line = JsonParser.parseString(lines[lines.length - 1]);
            JsonElement median = line.isJsonObject() ? line.getAsJsonObject().get("medianMillis") : null;
            if (median != null && median.isJsonPrimitive()) {
                return median.getAsDouble();
            }
        } catch (JsonSyntaxException | NumberFormatException e) {
            throw new IOException("unexpected output from brian2_hh.py: " + stdout.strip(), e);
        }
        throw new IOException("no medianMillis in the output of brian2_hh.py: " + stdout.strip());
    }

    /** The reason in a failed run's stderr: a missing Brian2 module, else the last line (Python's error). */
    private static String failure(List<String> stderr) {
        if (stderr.stream().anyMatch(l -> l.contains("No module named 'brian2'"))) {
            return "Brian2 is not installed for " + PYTHON + " (apt install python3-brian)";
        }
        String last = stderr.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message");
        return "Brian2 failed: " + last.strip();
    }
}
