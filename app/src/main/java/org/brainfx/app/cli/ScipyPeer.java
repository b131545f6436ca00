package org.brainfx.app.cli;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The SciPy side of {@code brainfx compare --peers}: runs the engine's {@code scipy_hh_fit.py}
 * (the built-in HH on the hh-synthetic problem, fitted by SciPy's differential evolution or by
 * L-BFGS-B with finite-difference gradients) in Debian's Python and reads its best loss over time.
 */
final class ScipyPeer {
    /** Debian's interpreter, which has NumPy and SciPy; a pyenv {@code python3} on PATH does not. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "/org/brainfx/engine/bench/scipy_hh_fit.py";
    /** Peer names for {@code --peers}, with the script's mode and the row's name. */
    static final Map<String, String> MODES = Map.of("scipy-de", "de", "scipy-lbfgsb-fd", "lbfgsb-fd");
    /** Peer names in the order the help lists them. */
    static final List<String> NAMES = List.of("scipy-de", "scipy-lbfgsb-fd");
    /** Parameters the script fits, in its order. */
    private static final List<String> FREE = List.of("gL", "gNa", "gK", "Vth");
    private static final double DT_MS = 0.01;
    private static final int DIVISIONS = 10;
    /** Beyond the budget: Python start-up, the target simulation, and the last generation or line search. */
    private static final long GRACE_SECONDS = 120;

    /** One peer run as the script reports it; {@code secondsToTarget} is null when the target was never reached. */
    record Run(String peer, String method, Double finalLoss, double wallSeconds, Double secondsToTarget,
               List<List<Double>> history, Map<String, Double> params, Long evaluations, String stopReason) {

        /** The best loss; infinite when no evaluation was finite (the script writes null). */
        double loss() {
            return finalLoss == null ? Double.POSITIVE_INFINITY : finalLoss;
        }

        /** The history as BrainFX history points (iteration = index, evaluations unknown). */
        List<FitResult.HistoryPoint> historyPoints() {
            List<FitResult.HistoryPoint> out = new ArrayList<>();
            if (history != null) {
                for (int i = 0; i < history.size(); i++) {
                    out.add(new FitResult.HistoryPoint(i, 0, history.get(i).get(0), history.get(i).get(1)));
                }
            }
            return out;
        }
    }

    /** A run, or null with the reason it is missing. */
    record Outcome(Run run, String note) { }

    /** What the script needs from the project: the input CSV, the truth and the bounds. */
    record Problem(Path inputCsv, double[] truth, double[] bounds) { }

    private ScipyPeer() {
    }

    /** The row name of a peer, e.g. "scipy de" for {@code scipy-de}. */
    static String rowName(String peer) {
        return peer.replace('-', ' ');
    }

    /**
     * The problem the script solves, or an exception whose message says why the project is not
     * the hh-synthetic problem it implements: the built-in {@code hh} with the five input traces
     * (amperes) at 0.01 ms, a synthetic V target, gL, gNa, gK and Vth free, and one MSE term with
     * 10 divisions.
     */
    static Problem problem(ResolvedProject resolved, FitConfig config) {
        Project p = resolved.project();
        List<String> why = new ArrayList<>();
        if (p.model() == null || !"hh".equals(p.model().builtin())) {
            why.add("the model is not the built-in hh");
        }
        Project.TraceFile traces = p.stimulus() == null ? null : p.stimulus().traces();
        if (traces == null || !"A".equals(traces.unit()) || !traces.indexColumn()
                || (traces.layout() != null && !"rows".equals(traces.layout()))) {
            why.add("the stimulus is not a trace file in amperes with an index column");
        }
        if (Math.abs(resolved.dt() - DT_MS) > 1e-12) {
            why.add("dt is not 0.01 ms");
        }
        if (p.stimulus() != null && p.stimulus().input() != null && !"I".equals(p.stimulus().input())) {
            why.add("the stimulus drives another input than I");
        }
        Project.Target target = p.target();
        if (target == null || target.syntheticParameters() == null
                || (target.state() != null && !"V".equals(target.state()))) {
            why.add("the target is not a synthetic V target");
        } else if (!FREE.containsAll(target.syntheticParameters().keySet())) {
            why.add("the synthetic target sets parameters other than gL, gNa, gK, Vth");
        }
        if (p.parameters() != null && !FREE.containsAll(p.parameters().keySet())) {
            why.add("the project overrides parameters other than gL, gNa, gK, Vth");
        }
        Set<String> free = config.free().stream().map(FreeParameter::name).collect(Collectors.toSet());
        if (!free.equals(Set.copyOf(FREE))) {
            why.add("the free parameters are " + free + ", not gL, gNa, gK, Vth");
        }
        List<FitSettings.LossTerm> losses = config.losses();
        if (losses.size() != 1 || !"mse".equals(losses.get(0).kind()) || losses.get(0).every() != null
                || !Integer.valueOf(DIVISIONS).equals(losses.get(0).divisions())
                || (losses.get(0).weight() != null && losses.get(0).weight() != 1.0)) {
            why.add("the loss is not one mse term with \"divisions\": 10");
        }
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("the SciPy peers implement only the hh-synthetic problem (built-in hh,"
                    + " synthetic V target, gL/gNa/gK/Vth free, mse with divisions 10); here "
                    + String.join("; ", why));
        }
        double[] truth = new double[FREE.size()];
        double[] bounds = new double[2 * FREE.size()];
        for (int i = 0; i < FREE.size(); i++) {
            String name = FREE.get(i);
            truth[i] = target.syntheticParameters().containsKey(name) ? target.syntheticParameters().get(name)
                    : resolved.spec().parameters().stream().filter(q -> q.name().equals(name)).findFirst()
                            .orElseThrow().value();
            FreeParameter fp = config.free().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            bounds[2 * i] = fp.lower();
            bounds[2 * i + 1] = fp.upper();
        }
        Path input = resolved.file().toAbsolutePath().getParent().resolve(traces.file()).normalize();
        return new Problem(input, truth, bounds);
    }

    /**
     * Runs one peer fit; never throws for a missing Python or SciPy.
     *
     * @param peer          {@code scipy-de} or {@code scipy-lbfgsb-fd}
     * @param budgetSeconds wall-time budget
     * @param targetLoss    the run stops at this loss (0: none)
     * @param starts        random starts of {@code scipy-lbfgsb-fd}
     */
    static Outcome run(String peer, Problem problem, double budgetSeconds, double targetLoss, long seed, int starts)
            throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return new Outcome(null, PYTHON + " not found; install python3-scipy to run the SciPy peers");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("brainfx-scipy");
            Path script = dir.resolve("scipy_hh_fit.py");
            Path stdout = dir.resolve("stdout.txt");
            Path stderr = dir.resolve("stderr.txt");
            if (!PeerScript.extract(SCRIPT, script)) {
                return new Outcome(null, "the engine jar lacks " + SCRIPT);
            }
            List<String> command = List.of(PYTHON.toString(), script.toString(), MODES.get(peer),
                    problem.inputCsv().toString(), "--budget", num(budgetSeconds), "--target", num(targetLoss),
                    "--seed", Long.toString(seed), "--starts", Integer.toString(starts),
                    "--truth", join(problem.truth()), "--bounds", join(problem.bounds()));
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            long timeout = (long) Math.ceil(budgetSeconds) + GRACE_SECONDS;
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(null, "SciPy did not finish within " + timeout + " s");
            }
            if (process.exitValue() != 0) {
                return new Outcome(null, failure(Files.readAllLines(stderr, StandardCharsets.UTF_8)));
            }
            return new Outcome(parse(Files.readString(stdout, StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            return new Outcome(null, "cannot run SciPy (" + e.getMessage() + ")");
        } finally {
            PeerScript.deleteQuietly(dir);
        }
    }

    /** The run in the script's last stdout line. */
    static Run parse(String stdout) throws IOException {
        String[] lines = stdout.strip().split("\n");
        try {
            Run run = ProjectFiles.gson().fromJson(lines[lines.length - 1], Run.class);
            if (run == null || run.method() == null || run.history() == null) {
                throw new IOException("unexpected output from scipy_hh_fit.py: " + stdout.strip());
            }
            return run;
        } catch (JsonParseException | NumberFormatException e) {
            throw new IOException("unexpected output from scipy_hh_fit.py: " + stdout.strip(), e);
        }
    }

    /** The reason in a failed run's stderr: a missing module, else the last line (Python's error). */
    static String failure(List<String> stderr) {
        for (String module : List.of("scipy", "numpy")) {
            if (stderr.stream().anyMatch(l -> l.contains("No module named '" + module))) {
                return module + " is not installed for " + PYTHON + " (apt install python3-scipy)";
            }
        }
        String last = stderr.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message");
        return "SciPy failed: " + last.strip();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static String join(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(num(v));
        }
        return String.join(",", out);
    }
}
