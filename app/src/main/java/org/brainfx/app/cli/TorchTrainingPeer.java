package org.brainfx.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of {@code brainfx train --peers torch}: runs the engine's {@code torch_ei_rsnn.py}
 * (REFERENCE.md's E/I spiking network trained by BPTT on evidence accumulation, float32 on the CPU)
 * in Debian's Python and reads its seconds per batch; its {@code check} mode gives the loss, spikes
 * and weight gradients of fixed inputs and weights for cross-checks.
 */
final class TorchTrainingPeer {
    /** Debian's interpreter, which has {@code python3-torch}; a pyenv {@code python3} on PATH does not. */
    static final Path PYTHON = Brian2Peer.PYTHON;
    private static final String SCRIPT = "/org/brainfx/engine/bench/torch_ei_rsnn.py";
    private static final String SCRIPT_NAME = "torch_ei_rsnn.py";
    private static final String INSTALL = "install Debian's python3-torch (apt install python3-torch)";
    /** The script's exit code for a refused argument or input file (its stderr says which). */
    private static final int BAD_INPUT = 2;
    /** The script's exit code when torch or numpy does not import. */
    private static final int NO_TORCH = 3;

    /**
     * One timing as the script reports it: medians over the batches after the first (which pays for
     * growing the heap), the peak resident memory, and each batch's time, loss and accuracy.
     */
    record Run(String version, int threads, int trials, int steps, double secondsPerBatch, double forwardSeconds,
               double backwardSeconds, double peakMB, List<Double> batchSeconds, List<Double> loss,
               List<Double> accuracy) {
        /** Keeps unmodifiable copies of the lists. */
        Run {
            batchSeconds = List.copyOf(batchSeconds);
            loss = List.copyOf(loss);
            accuracy = List.copyOf(accuracy);
        }
    }

    /** A run, or null with the reason it is missing. */
    record Outcome(Run run, String note) { }

    private TorchTrainingPeer() {
    }

    /** Whether {@code /usr/bin/python3} imports torch (and numpy), i.e. whether the peer can run here. */
    static boolean available() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, torch")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The command that times {@code batches} training batches with the script at {@code script},
     * clipping the gradient's norm at {@code clipNorm} (0 for none); an exception names the argument
     * out of range.
     */
    static List<String> timeCommand(Path script, int batches, int trials, int threads, long seed, double clipNorm) {
        if (batches < 1 || trials < 1 || threads < 1) {
            throw new IllegalArgumentException("the torch peer needs at least one batch, trial and thread, not "
                    + batches + " batches of " + trials + " trials on " + threads + " threads");
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("the torch peer's gradient clipping norm must be 0 (none) or"
                    + " positive, not " + clipNorm);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), "time", "--batches",
                Integer.toString(batches), "--trials", Integer.toString(trials), "--threads",
                Integer.toString(threads), "--seed", Long.toString(seed)));
        if (clipNorm > 0) {
            command.addAll(List.of("--clip", Double.toString(clipNorm)));
        }
        return List.copyOf(command);
    }

    /** {@link #time(int, int, int, long, double)} without gradient clipping. */
    static Outcome time(int batches, int trials, int threads, long seed) throws InterruptedException {
        return time(batches, trials, threads, seed, 0);
    }

    /**
     * Trains {@code batches} batches of {@code trials} evidence-accumulation trials (2 200 steps) in
     * PyTorch on {@code threads} threads, clipping the gradient's norm at {@code clipNorm} (0 for
     * none); never throws for a missing Python or torch (the outcome says why), but does for
     * arguments out of range.
     */
    static Outcome time(int batches, int trials, int threads, long seed, double clipNorm)
            throws InterruptedException {
        List<String> command = new ArrayList<>(timeCommand(Path.of(SCRIPT_NAME), batches, trials, threads, seed,
                clipNorm));
        if (!Files.isExecutable(PYTHON)) {
            return new Outcome(null, PYTHON + " not found; " + INSTALL + " to measure PyTorch");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("brainfx-torch");
            command.set(1, dir.resolve(SCRIPT_NAME).toString());
            // A loaded machine's first batch of 128 trials took 20 s here; allow ten times the steady pace.
            long minutes = 10 + (long) Math.ceil(batches * (double) trials * 2.0 / 60);
            Result result = run(dir, command, threads, minutes);
            if (result.note != null) {
                return new Outcome(null, result.note);
            }
            return new Outcome(parse(result.stdout), null);
        } catch (IOException e) {
            return new Outcome(null, "cannot run the torch peer (" + e.getMessage() + ")");
        } finally {
            PeerScript.deleteQuietly(dir);
        }
    }

    /** {@link #check(List)} of one folder. */
    static JsonObject check(Path dir) throws IOException, InterruptedException {
        return check(List.of(dir)).get(0);
    }

    /**
     * Runs the script's {@code check} mode once over every folder (one torch start-up for them all):
     * each holds {@code x.npy} (trials × steps × channels, 0/1), {@code labels.npy} (trials),
     * {@code mask.npy} (steps), {@code w_in.npy}, {@code w_e.npy}, {@code w_i.npy}, {@code w_out.npy},
     * {@code tau_a.npy} and {@code params.json}; the script writes {@code torch_out.json} (returned
     * here, in order), {@code grad_w_in.npy}, {@code grad_w_e.npy}, {@code grad_w_i.npy},
     * {@code grad_w_out.npy} and {@code spikes.npy} beside them. An exception carries the script's
     * reason (a missing torch, or the input file at fault and the shape it should have).
     */
    static List<JsonObject> check(List<Path> dirs) throws IOException, InterruptedException {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no folder to check");
        }
        if (!Files.isExecutable(PYTHON)) {
            throw new IOException(PYTHON + " not found; " + INSTALL);
        }
        Path tmp = Files.createTempDirectory("brainfx-torch-check");
        try {
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), tmp.resolve(SCRIPT_NAME).toString(),
                    "check", "--threads", "1"));
            for (Path d : dirs) {
                command.add(d.toAbsolutePath().toString());
            }
            Result result = run(tmp, command, 1, 10 + dirs.size());
            if (result.note != null) {
                throw new IOException(result.note);
            }
            List<JsonObject> out = new ArrayList<>();
            for (Path d : dirs) {
                Path file = d.resolve("torch_out.json");
                try {
                    out.add(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
                } catch (JsonParseException | IllegalStateException e) {
                    throw new IOException(file + " is not the JSON object the torch peer writes", e);
                }
            }
            return out;
        } finally {
            PeerScript.deleteQuietly(tmp);
        }
    }

    /** What a finished script left: its stdout, or null and why it failed. */
    private record Result(String stdout, String note) { }

    /** Extracts the script into {@code dir} and runs {@code command} with the thread count in its environment. */
    private static Result run(Path dir, List<String> command, int threads, long timeoutMinutes)
            throws IOException, InterruptedException {
        if (!PeerScript.extract(SCRIPT, dir.resolve(SCRIPT_NAME))) {
            return new Result(null, "the engine jar lacks " + SCRIPT);
        }
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        // torch.set_num_threads covers intra-op work; OpenMP, MKL and OpenBLAS (Debian's BLAS, behind torch's
        // matrix products) size their pools from these at start-up. The script sets them too when run by hand.
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(null, "the torch peer did not finish within " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            return new Result(null, failure(process.exitValue(), Files.readAllLines(stderr, StandardCharsets.UTF_8)));
        }
        return new Result(Files.readString(stdout, StandardCharsets.UTF_8), null);
    }

    /** The reason in a failed run's stderr: a missing torch or numpy, a refused input, else Python's last line. */
    static String failure(int exitCode, List<String> stderr) {
        for (String module : List.of("torch", "numpy")) {
            if (stderr.stream().anyMatch(l -> l.contains("No module named '" + module))) {
                return module + " is not installed for " + PYTHON + "; " + INSTALL;
            }
        }
        String last = stderr.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message").strip();
        if (exitCode == NO_TORCH) {
            return last;
        }
        return (exitCode == BAD_INPUT ? "the torch peer refused its input: " : "the torch peer failed: ") + last;
    }

    /** The run in the script's last non-blank stdout line; an exception quotes the line and the field at fault. */
    static Run parse(String stdout) throws IOException {
        String line = stdout.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
        if (line.isEmpty()) {
            throw new IOException(SCRIPT_NAME + " printed nothing on stdout");
        }
        try {
            JsonElement element = JsonParser.parseString(line);
            if (!element.isJsonObject()) {
                throw new IOException(SCRIPT_NAME + " printed no JSON object: " + line);
            }
            JsonObject o = element.getAsJsonObject();
            Run run = new Run(text(o, "version", line), whole(o, "threads", line), whole(o, "trials", line),
                    whole(o, "steps", line), number(o, "secondsPerBatch", line), number(o, "forwardSeconds", line),
                    number(o, "backwardSeconds", line), number(o, "peakMB", line), numbers(o, "batchSeconds", line),
                    numbers(o, "loss", line), numbers(o, "accuracy", line));
            if (run.threads() < 1 || run.trials() < 1 || run.steps() < 1 || run.secondsPerBatch() <= 0
                    || run.forwardSeconds() < 0 || run.backwardSeconds() < 0 || run.peakMB() <= 0
                    || run.batchSeconds().isEmpty()) {
                throw new IOException(SCRIPT_NAME + " reported a count, time or memory out of range: " + line);
            }
            if (run.loss().size() != run.batchSeconds().size() || run.accuracy().size() != run.batchSeconds().size()) {
                throw new IOException(SCRIPT_NAME + " reported " + run.batchSeconds().size() + " batch times but "
                        + run.loss().size() + " losses and " + run.accuracy().size() + " accuracies: " + line);
            }
            return run;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw new IOException("unexpected output from " + SCRIPT_NAME + ": " + line, e);
        }
    }

    private static JsonElement field(JsonObject o, String name, String line) throws IOException {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IOException(SCRIPT_NAME + " output lacks \"" + name + "\": " + line);
        }
        return e;
    }

    private static double number(JsonObject o, String name, String line) throws IOException {
        return number(field(o, name, line), name, line);
    }

    private static double number(JsonElement e, String name, String line) throws IOException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !Double.isFinite(e.getAsDouble())) {
            throw new IOException("\"" + name + "\" is not a finite number in the output of " + SCRIPT_NAME + ": "
                    + line);
        }
        return e.getAsDouble();
    }

    private static int whole(JsonObject o, String name, String line) throws IOException {
        double v = number(o, name, line);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IOException("\"" + name + "\" is not a whole number in the output of " + SCRIPT_NAME + ": "
                    + line);
        }
        return (int) v;
    }

    private static List<Double> numbers(JsonObject o, String name, String line) throws IOException {
        JsonElement e = field(o, name, line);
        if (!e.isJsonArray()) {
            throw new IOException("\"" + name + "\" is not a list of numbers in the output of " + SCRIPT_NAME + ": "
                    + line);
        }
        JsonArray a = e.getAsJsonArray();
        List<Double> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(number(a.get(i), name + "[" + i + "]", line));
        }
        return out;
    }

    private static String text(JsonObject o, String name, String line) throws IOException {
        JsonElement e = field(o, name, line);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IOException("\"" + name + "\" is not a string in the output of " + SCRIPT_NAME + ": " + line);
        }
        return e.getAsString();
    }
}
