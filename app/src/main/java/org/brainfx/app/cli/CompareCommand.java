package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.app.charts.ChartPngWriter;
import org.brainfx.app.charts.CompareChart;
import org.brainfx.app.export.ComparisonTable;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.project.ResolvedProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx compare}: races optimizers on one project, each repeated with the same seeds,
 * and prints the reference paper's table (final loss, wall time, time to a target loss), with a
 * chart of best loss against wall time.
 */
@Command(name = "compare",
        description = {
                "Race optimizers on a project's fit: final loss and wall time (mean ± sd over repeats), time to a"
                        + " target loss; write compare.png and compare.json.",
                "Repeat r of every optimizer uses seed S + r. Progress goes to stderr.",
        })
public final class CompareCommand implements Callable<Integer> {
    static final String PNG_FILE = "compare.png";
    static final String JSON_FILE = "compare.json";
    static final int DEFAULT_REPEATS = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "A project folder or *.brainfx.json file.")
    private Path project;

    @Option(names = "--optimizers", split = ",", paramLabel = "NAME",
            defaultValue = "lbfgsb,de,pso,cmaes,random",
            description = "Optimizers to race, comma-separated, from lbfgsb, adam, basin, hybrid, de, pso, cmaes, random"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<String> optimizers;

    @Option(names = "--repeats", paramLabel = "R", description = "Runs per optimizer (default: 3).")
    private int repeats = DEFAULT_REPEATS;

    @Mixin
    private FitOptions budget = new FitOptions();

    @Option(names = "--target-loss", paramLabel = "L",
            description = "Loss for the time-to-target column (default: the project's fit.targetLoss);"
                    + " runs do not stop there.")
    private Double targetLoss;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: out/<project name>).")
    private Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON to FILE.")
    private Path json;

    @Option(names = "--quiet", description = "Show no progress on stderr.")
    private boolean quiet;

    @Option(names = "--peers", split = ",", paramLabel = "NAME",
            description = "Peer tools to race in the same run, comma-separated, from scipy-de, scipy-lbfgsb-fd"
                    + " (default: none). SciPy's differential evolution, or L-BFGS-B with finite-difference"
                    + " gradients, in /usr/bin/python3; only for the hh-synthetic problem. Same budget (60 s when"
                    + " --budget-seconds is 0), target loss and seeds; a peer stops at the target.")
    private List<String> peers = new ArrayList<>();

    /** Budget of a peer run when the optimizers have no wall-time budget. */
    static final double DEFAULT_PEER_BUDGET_SECONDS = 60;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        List<String> names = FitOptions.checkedOptimizers(cl, "--optimizers", optimizers);
        FitOptions.checkPositive(cl, "--repeats", repeats);
        budget.check(cl);
        FitOptions.checkNonNegative(cl, "--target-loss", targetLoss);

        List<String> peerNames = checkedPeers(cl, peers);

        ResolvedProject resolved = ResolvedProject.load(project);
        FitConfig config = FitConfig.of(resolved).with(null, budget.starts, budget.maxIterations, null,
                budget.budgetSeconds, budget.seed, null);
        ScipyPeer.Problem peerProblem = null;
        if (!peerNames.isEmpty()) {
            try {
                peerProblem = ScipyPeer.problem(resolved, config);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--peers: " + e.getMessage());
            }
        }
        double target = targetLoss != null ? targetLoss : config.targetLoss();
        Comparison.Result ours = quiet
                ? Comparison.run(config, names, repeats, target, new SilentProgress(), null)
                : runShowingProgress(config, names, target, cl.getErr());
        List<String> peerNotes = new ArrayList<>();
        Comparison.Result result = peerNames.isEmpty() ? ours
                : withPeers(ours, runPeers(peerNames, peerProblem, config, target, cl.getErr(), peerNotes));

        String name = FitOptions.projectName(resolved);
        Path dir = out != null ? out : Path.of("out", name);
        List<Path> written = new ArrayList<>(List.of(dir.resolve(PNG_FILE), dir.resolve(JSON_FILE)));
        ChartPngWriter.write(CompareChart.create(result, name + " — optimizers compared", subtitle(resolved, config)),
                written.get(0), CompareChart.WIDTH, CompareChart.HEIGHT);
        String table = ComparisonTable.json(result);
        TextFiles.write(written.get(1), table);
        if (json != null) {
            TextFiles.write(json, table);
            written.add(json);
        }
        print(resolved, config, result, written, peerNotes);
        return 0;
    }

    /** The peer names of {@code --peers}, checked (none by default). */
    static List<String> checkedPeers(CommandLine cl, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!ScipyPeer.MODES.containsKey(name)) {
                throw new CommandLine.ParameterException(cl, "--peers: unknown peer '" + name + "'; choose from "
                        + String.join(", ", ScipyPeer.NAMES));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Budget of a peer run: the optimizers' wall-time budget, or 60 s when they have none. */
    static double peerBudget(FitConfig config) {
        return config.budgetSeconds() > 0 ? config.budgetSeconds() : DEFAULT_PEER_BUDGET_SECONDS;
    }

    /** Runs every peer {@code repeats} times with seeds seed + r; a peer that cannot run leaves a note. */
    private List<Comparison.OptimizerSummary> runPeers(List<String> peerNames, ScipyPeer.Problem problem,
                                                       FitConfig config, double target, PrintWriter err,
                                                       List<String> notes) {
        double peerBudget = peerBudget(config);
        List<Comparison.OptimizerSummary> out = new ArrayList<>();
        for (String peer : peerNames) {
            String name = ScipyPeer.rowName(peer);
            List<ScipyPeer.Run> runs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                if (!quiet) {
                    err.printf(Locale.ROOT, "%s: running (SciPy, %s s budget)%n", runLabel(name, r, repeats),
                            FitCommand.significant(peerBudget));
                    err.flush();
                }
                ScipyPeer.Outcome outcome;
                try {
                    outcome = ScipyPeer.run(peer, problem, peerBudget, target > 0 ? target : 0, config.seed() + r,
                            config.starts());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome = new ScipyPeer.Outcome(null, "interrupted");
                }
                if (outcome.run() == null) {
                    notes.add(name + ": not run — " + outcome.note());
                    if (!quiet) {
                        err.printf(Locale.ROOT, "%s: not run — %s%n", runLabel(name, r, repeats), outcome.note());
                    }
                    break;
                }
                ScipyPeer.Run run = outcome.run();
                runs.add(run);
                if (!quiet) {
                    err.printf(Locale.ROOT, "%s: %s after %d evaluations, %s; best loss %s%n",
                            runLabel(name, r, repeats), run.stopReason(), run.evaluations() == null ? 0
                                    : run.evaluations(), ProgressBar.elapsed(run.wallSeconds()),
                            ProgressBar.loss(run.loss()));
                    err.flush();
                }
            }
            if (runs.size() == repeats) {
                out.add(peerSummary(name, runs, target));
            }
        }
        return out;
    }

    /** A peer's row, summarized as {@link Comparison} summarizes an optimizer. */
    static Comparison.OptimizerSummary peerSummary(String name, List<ScipyPeer.Run> runs, double target) {
        double[] loss = runs.stream().mapToDouble(ScipyPeer.Run::loss).toArray();
        double[] wall = runs.stream().mapToDouble(ScipyPeer.Run::wallSeconds).toArray();
        List<List<FitResult.HistoryPoint>> histories = runs.stream().map(ScipyPeer.Run::historyPoints).toList();
        return Comparison.summarize(name, loss, wall, histories, target);
    }

    private static Comparison.Result withPeers(Comparison.Result ours, List<Comparison.OptimizerSummary> peerRows) {
        List<Comparison.OptimizerSummary> all = new ArrayList<>(ours.optimizers());
        all.addAll(peerRows);
        return new Comparison.Result(all, ours.target());
    }



    /**
     * Ratio lines: BrainFX lbfgsb (and de, against scipy de) time to target against each peer's,
     * e.g. "BrainFX lbfgsb time to target vs scipy de: 12.3× faster (0.41 s vs 5.05 s)". A peer
     * that never reached the target gives a lower bound from its budget.
     */
    static List<String> ratioLines(Comparison.Result result, List<String> peerRows, double peerBudget) {
        List<String> out = new ArrayList<>();
        if (result.target() == null) {
            return out;
        }
        for (String peer : peerRows) {
            Comparison.OptimizerSummary theirs = find(result, peer);
            if (theirs == null) {
                continue;
            }
            List<String> mine = new ArrayList<>(List.of("lbfgsb"));
            if (peer.equals(ScipyPeer.rowName("scipy-de"))) {
                mine.add("de");
            }
            for (String m : mine) {
                Comparison.OptimizerSummary ours = find(result, m);
                if (ours == null) {
                    continue;
                }
                String head = "BrainFX " + m + " time to target vs " + peer + ": ";
                if (ours.secondsToTarget() == null) {
                    out.add(head + "BrainFX " + m + " did not reach the target"
                            + (theirs.secondsToTarget() == null ? "; neither did " + peer
                            : String.format(Locale.ROOT, "; %s did in %.2f s", peer, theirs.secondsToTarget())));
                } else if (theirs.secondsToTarget() == null) {
                    out.add(head + String.format(Locale.ROOT, "> %s× faster (%.2f s; %s never reached it in %s s)",
                            ratio(peerBudget / ours.secondsToTarget()), ours.secondsToTarget(), peer,
                            FitCommand.significant(peerBudget)));
                } else {
                    double q = theirs.secondsToTarget() / ours.secondsToTarget();
                    out.add(head + String.format(Locale.ROOT, "%s× %s (%.2f s vs %.2f s; %d/%d and %d/%d reached)",
                            ratio(q >= 1 ? q : 1 / q), q >= 1 ? "faster" : "slower", ours.secondsToTarget(),
                            theirs.secondsToTarget(), ours.reachedTarget(), ours.repeats(), theirs.reachedTarget(),
                            theirs.repeats()));
                }
            }
        }
        return out;
    }

    private static Comparison.OptimizerSummary find(Comparison.Result result, String name) {
        return result.optimizers().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    private static String ratio(double q) {
        return q >= 10 ? String.format(Locale.ROOT, "%.0f", q) : String.format(Locale.ROOT, "%.1f", q);
    }

    private Comparison.Result runShowingProgress(FitConfig config, List<String> names, double target,
                                                 PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), "compare", config.budgetSeconds(),
                config.maxEvaluations());
        Comparison.Progress progress = new Comparison.Progress() {
            @Override
            public void starting(String optimizer, int repeat, int count) {
                bar.start(runLabel(optimizer, repeat, count));
            }

            @Override
            public void finished(String optimizer, int repeat, FitResult r) {
                bar.finish(String.format(Locale.ROOT, "%s: %s after %d iterations, %s; best loss %s",
                        runLabel(optimizer, repeat, repeats), r.stopReason(), r.iterations(),
                        ProgressBar.elapsed(r.wallSeconds()), ProgressBar.loss(r.loss())));
            }
        };
        return Comparison.run(config, names, repeats, target, progress, bar::update);
    }

    private static String runLabel(String optimizer, int repeat, int count) {
        return optimizer + " " + (repeat + 1) + "/" + count;
    }

    private String subtitle(ResolvedProject resolved, FitConfig config) {
        String each = config.budgetSeconds() > 0
                ? FitCommand.significant(config.budgetSeconds()) + " s budget each"
                : "up to " + config.maxIterations() + " iterations each";
        return String.format(Locale.ROOT, "%s · %d %s per optimizer (seeds %d–%d) · %s · %d starts or population",
                resolved.model().name(), repeats, repeats == 1 ? "run" : "runs", config.seed(),
                config.seed() + repeats - 1, each, config.starts());
    }

    private void print(ResolvedProject resolved, FitConfig config, Comparison.Result result, List<Path> written,
                       List<String> peerNotes) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "project   %s (model %s, %d sweeps)%n", FitOptions.projectName(resolved),
                resolved.model().name(), resolved.sweeps());
        o.printf(Locale.ROOT, "runs      %s%n", subtitle(resolved, config));
        o.printf(Locale.ROOT, "target    %s%n", result.target() == null ? "none (give --target-loss)"
                : ProgressBar.loss(result.target()));
        o.println();
        boolean withTarget = result.target() != null;
        List<String[]> rows = new ArrayList<>();
        rows.add(withTarget
                ? new String[] {"optimizer", "final loss (mean ± sd)", "wall time (mean ± sd)", "time to target",
                        "reached"}
                : new String[] {"optimizer", "final loss (mean ± sd)", "wall time (mean ± sd)"});
        for (Comparison.OptimizerSummary s : result.optimizers()) {
            rows.add(ComparisonTable.cells(s, withTarget).toArray(String[]::new));
        }
        TextTable.print(o, rows, 1);
        o.println();
        List<String> peerRows = checkedPeers(spec.commandLine(), peers).stream().map(ScipyPeer::rowName).toList();
        if (!peerRows.isEmpty()) {
            o.printf(Locale.ROOT, "peers     SciPy in %s, %s s budget each, stop at the target; scipy lbfgsb fd: %d"
                    + " random starts%n", ScipyPeer.PYTHON, FitCommand.significant(peerBudget(config)), config.starts());
            for (String note : peerNotes) {
                o.printf(Locale.ROOT, "          %s%n", note);
            }
            for (String line : ratioLines(result, peerRows, peerBudget(config))) {
                o.println(line);
            }
            o.println();
        }
        o.printf(Locale.ROOT, "wrote     %s%n", written.get(0));
        for (Path p : written.subList(1, written.size())) {
            o.printf(Locale.ROOT, "          %s%n", p);
        }
        o.flush();
    }

    /** Progress that shows nothing, for {@code --quiet}. */
    private static final class SilentProgress implements Comparison.Progress {
        @Override
        public void starting(String optimizer, int repeat, int count) {
            // --quiet: nothing to show
        }

        @Override
        public void finished(String optimizer, int repeat, FitResult result) {
            // --quiet: nothing to show
        }
    }
}
