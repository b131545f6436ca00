package org.brainfx.app.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Brian2 side of {@code brainfx bench --networks}: runs the engine's {@code brian2_networks.py}
 * (COBA-LIF, CUBA-LIF or COBA-HH of Brette et al. 2007) for one size and code-generation target in
 * Debian's Python and reads its build and run seconds, mean rates and CVs of inter-spike intervals.
 */
final class Brian2NetworkPeer {
    /** Debian's interpreter, which has Brian2 from {@code python3-brian}; a pyenv {@code python3} on PATH does not. */
    static final Path PYTHON = Brian2Peer.PYTHON;
    private static final String SCRIPT = "/org/brainfx/engine/bench/brian2_networks.py";
    /** The script's {@code --network} values, in the order the benchmarks are usually listed. */
    static final List<String> NETWORKS = List.of("coba", "cuba", "cobahh");
    /** The script's {@code --target} values. */
    static final List<String> TARGETS = List.of("cpp_standalone", "cython", "numpy");
    /** The script's smallest network (0.8 N excitatory and 0.2 N inhibitory neurons both non-empty). */
    static final int MIN_NEURONS = 5;
    /** A cold Cython build of COBA-HH takes minutes and its 40 000-neuron run as long again on a loaded machine. */
    private static final long TIMEOUT_MINUTES = 40;

    /**
     * One Brian2 run as the script reports it. Rates and CVs are keyed by population ("E", "I");
     * a CV is null when no neuron of that population fired three times.
     */
    record Run(String name, String target, int neurons, long synapses, double buildSeconds, double runSeconds,
               Map<String, Double> meanRateHz, Map<String, Double> cvIsi) {
        /** Keeps unmodifiable copies of the maps, in their order (null values allowed for CVs). */
        Run {
            meanRateHz = Collections.unmodifiableMap(new LinkedHashMap<>(meanRateHz));
            cvIsi = Collections.unmodifiableMap(new LinkedHashMap<>(cvIsi));
        }
    }

    /** A run, or null with the reason it is missing. */
    record Outcome(Run run, String note) { }

    private Brian2NetworkPeer() {
    }

    /**
     * The command that runs the script at {@code script} for one benchmark; an exception names the
     * argument that is out of range and the values it may take.
     */
    static List<String> command(Path script, String network, int neurons, String target, double durationMs,
                                long seed) {
        if (!NETWORKS.contains(network)) {
            throw new IllegalArgumentException("unknown Brian2 network '" + network + "'; use one of "
                    + String.join(", ", NETWORKS));
        }
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("unknown Brian2 target '" + target + "'; use one of "
                    + String.join(", ", TARGETS));
        }
        if (neurons < MIN_NEURONS) {
            throw new IllegalArgumentException("a Brian2 benchmark network needs at least " + MIN_NEURONS
                    + " neurons, not " + neurons);
        }
        if (!(durationMs > 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("the Brian2 run's duration must be a positive number of ms, not "
                    + durationMs);
        }
        return List.of(PYTHON.toString(), script.toString(), "--network", network, "--neurons",
                Integer.toString(neurons), "--target", target, "--duration-ms",
                Double.toString(durationMs), "--seed", Long.toString(seed));
    }

    /**
     * Runs one Brian2 benchmark; never throws for a missing Python or Brian2 (the outcome says why),
     * but does for arguments out of range.
     *
     * @param network    {@code coba}, {@code cuba} or {@code cobahh}
     * @param target     {@code cpp_standalone} (one thread), {@code cython} (cold cache) or {@code numpy}
     * @param durationMs simulated time
     * @param seed       seed of the connectivity and the initial values
     */
    static Outcome run(String network, int neurons, String target, double durationMs, long seed)
            throws InterruptedException {
        List<String> check = command(Path.of(SCRIPT), network, neurons, target, durationMs, seed);
        if (!Files.isExecutable(PYTHON)) {
            return new Outcome(null, PYTHON + " not found; install python3-brian to measure Brian2");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("brainfx-brian2-net");
            Path script = dir.resolve("brian2_networks.py");
            Path stdout = dir.resolve("stdout.txt");
            Path stderr = dir.resolve("stderr.txt");
            if (!PeerScript.extract(SCRIPT, script)) {
                return new Outcome(null, "the engine jar lacks " + SCRIPT);
            }
            List<String> command = new ArrayList<>(check);
            command.set(1, script.toString());
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(null, "Brian2 " + network + " (" + neurons + " neurons, " + target
                        + ") did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                return new Outcome(null, failure(Files.readAllLines(stderr, StandardCharsets.UTF_8)));
            }
            return new Outcome(parse(Files.readString(stdout, StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            return new Outcome(null, "cannot run Brian2 (" + e.getMessage() + ")");
        } finally {
            PeerScript.deleteQuietly(dir);
        }
    }

    /** The run in the script's last non-blank stdout line; an exception quotes the line and the field at fault. */
    static Run parse(String stdout) throws IOException {
        String line = stdout.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
        if (line.isEmpty()) {
            throw new IOException("brian2_networks.py printed nothing on stdout");
        }
        try {
            JsonElement element = JsonParser.parseString(line);
            if (!element.isJsonObject()) {
                throw new IOException("brian2_networks.py printed no JSON object: " + line);
            }
            JsonObject o = element.getAsJsonObject();
            int neurons = (int) integer(o, "neurons", Integer.MAX_VALUE, line);
            long synapses = integer(o, "synapses", 1L << 53, line);
            double build = number(o, "buildSeconds", line);
            double run = number(o, "runSeconds", line);
            if (neurons <= 0 || synapses < 0 || build < 0 || run < 0) {
                throw new IOException("brian2_networks.py reported a negative size or time: " + line);
            }
            return new Run(text(o, "name", line), text(o, "target", line), neurons, synapses, build, run,
                    populations(o, "meanRateHz", false, line), populations(o, "cvIsi", true, line));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw new IOException("unexpected output from brian2_networks.py: " + line, e);
        }
    }

    /** The reason in a failed run's stderr: a missing module, else the last line (Python's error). */
    static String failure(List<String> stderr) {
        for (String module : List.of("brian2", "numpy")) {
            if (stderr.stream().anyMatch(l -> l.contains("No module named '" + module))) {
                return module + " is not installed for " + PYTHON + " (apt install python3-brian)";
            }
        }
        String last = stderr.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message");
        return "Brian2 failed: " + last.strip();
    }

    private static JsonElement field(JsonObject o, String name, String line) throws IOException {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IOException("brian2_networks.py output lacks \"" + name + "\": " + line);
        }
        return e;
    }

    private static double number(JsonObject o, String name, String line) throws IOException {
        return number(field(o, name, line), name, line);
    }

    private static long integer(JsonObject o, String name, long max, String line) throws IOException {
        double v = number(o, name, line);
        if (v != Math.rint(v) || Math.abs(v) > max) {
            throw new IOException("\"" + name + "\" is not a whole number in the output of brian2_networks.py: "
                    + line);
        }
        return (long) v;
    }

    private static double number(JsonElement e, String name, String line) throws IOException {
        if (e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IOException("\"" + name + "\" is not a number in the output of brian2_networks.py: " + line);
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IOException("\"" + name + "\" is not finite in the output of brian2_networks.py: " + line);
        }
        return v;
    }

    private static String text(JsonObject o, String name, String line) throws IOException {
        JsonElement e = field(o, name, line);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IOException("\"" + name + "\" is not a string in the output of brian2_networks.py: " + line);
        }
        return e.getAsString();
    }

    /** A {"E": x, "I": y} object; nulls only where {@code nullable} (a CV without spikes to measure). */
    private static Map<String, Double> populations(JsonObject o, String name, boolean nullable, String line)
            throws IOException {
        JsonElement e = field(o, name, line);
        if (!e.isJsonObject() || e.getAsJsonObject().isEmpty()) {
            throw new IOException("\"" + name + "\" is not an object of populations in the output of"
                    + " brian2_networks.py: " + line);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
            if (p.getValue().isJsonNull() && nullable) {
                out.put(p.getKey(), null);
            } else {
                out.put(p.getKey(), number(p.getValue(), name + "." + p.getKey(), line));
            }
        }
        return out;
    }
}
