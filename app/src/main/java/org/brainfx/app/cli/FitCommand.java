package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brainfx.app.charts.ChartPngWriter;
import org.brainfx.app.charts.FitChart;
import org.brainfx.app.charts.LossChart;
import org.brainfx.app.fit.StopExplanation;
import org.brainfx.app.report.FitSummary;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.SimulationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx fit}: fits a project's free parameters to its target while showing progress, then
 * writes the result as JSON and the fitted traces and the loss curve as PNG charts.
 */
@Command(name = "fit",
        description = {
                "Fit a project's free parameters to its target; write result.json, fit.png and loss.png.",
                "Options override the project's \"fit\" settings. Progress goes to stderr.",
        })
public final class FitCommand implements Callable<Integer> {
    static final String RESULT_FILE = "result.json";
    static final String FIT_PNG = "fit.png";
    static final String LOSS_PNG = "loss.png";
    private static final int CHART_WIDTH = 1200;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "A project folder or *.brainfx.json file.")
    private Path project;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "lbfgsb, adam, basin (basin hopping with short L-BFGS-B descents), hybrid (DE, then an L-BFGS-B polish), de, pso, cmaes or random (default: the project's, else lbfgsb).")
    private String optimizer;

    @Mixin
    private FitOptions budget = new FitOptions();

    @Option(names = "--max-evals", paramLabel = "N", description = "Evaluation budget (0: none).")
    private Long maxEvaluations;

    @Option(names = "--target-loss", paramLabel = "L", description = "Stop once the best loss is at or below L (0: never).")
    private Double targetLoss;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: out/<project name>).")
    private Path out;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write loss, parameters, budgets used, history, RMSE and stop reason as JSON.")
    private Path json;

    @Option(names = "--quiet", description = "Show no progress on stderr.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (optimizer != null) {
            FitOptions.checkOptimizer(cl, "--optimizer", optimizer);
        }
        budget.check(cl);
        FitOptions.checkNonNegative(cl, "--max-evals", maxEvaluations);
        FitOptions.checkNonNegative(cl, "--target-loss", targetLoss);

        ResolvedProject resolved = ResolvedProject.load(project);
        FitConfig config = FitConfig.of(resolved).with(optimizer, budget.starts, budget.maxIterations,
                maxEvaluations, budget.budgetSeconds, budget.seed, targetLoss);
        FitJob job = new FitJob(config);
        FitResult result = run(job, cl.getErr());

        double[] best = config.free().stream().mapToDouble(p -> result.params().get(p.name())).toArray();
        SimulationResult fitted = job.problem().simulate(best);
        Unit unit = resolved.model().checked().states().get(resolved.model().stateIndex(resolved.targetState())).unit();
        double rmse = job.problem().rmse(fitted) / unit.toInternalFactor();

        String name = FitOptions.projectName(resolved);
        Path dir = out != null ? out : Path.of("out", name);
        List<Path> written = List.of(dir.resolve(RESULT_FILE), dir.resolve(FIT_PNG), dir.resolve(LOSS_PNG));
        TextFiles.write(written.get(0), ProjectFiles.gson().toJson(result));
        String headline = String.format(Locale.ROOT, "%s · %s · loss %s · RMSE %s %s", resolved.model().name(),
                FitOptions.describe(config), ProgressBar.loss(result.loss()), significant(rmse), unit.symbol());
        ChartPngWriter.write(FitChart.create(resolved, fitted, name + " — target and fit", headline, CHART_WIDTH),
                written.get(1), CHART_WIDTH, FitChart.preferredHeight(resolved.sweeps()));
        ChartPngWriter.write(LossChart.create(result.history(), name + " — best loss",
                        FitOptions.describe(config) + " · stopped: " + result.stopReason()),
                written.get(2), LossChart.WIDTH, LossChart.HEIGHT);
        List<Path> all = new ArrayList<>(written);
        if (json != null) {
            TextFiles.write(json, FitSummary.of(result, rmse).toJson());
            all.add(json);
        }
        printSummary(resolved, config, result, rmse, unit, all);
        printSweeps(resolved, job, result, fitted, unit);
        return 0;
    }

    /** Per sweep: loss, target and fitted spike counts, RMSE — what a user checks a fit of a recording by. */
    private void printSweeps(ResolvedProject resolved, FitJob job, FitResult result, SimulationResult fitted, Unit unit) {
        PrintWriter o = spec.commandLine().getOut();
        double[] rmse = job.problem().rmsePerSweep(fitted);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"sweep", "loss", "target spikes", "fitted spikes", "RMSE (" + unit.symbol() + ")"});
        for (int s = 0; s < resolved.sweeps(); s++) {
            rows.add(new String[] {Integer.toString(s + 1), ProgressBar.loss(result.perSweepLoss()[s]),
                    Integer.toString(resolved.targetSpikes()[s].length), Integer.toString(fitted.spikeCount(s)),
                    significant(rmse[s] / unit.toInternalFactor())});
        }
        o.println();
        TextTable.print(o, rows, 1);
        o.flush();
    }

    private FitResult run(FitJob job, PrintWriter err) {
        if (quiet) {
            return job.run(null);
        }
        FitConfig config = job.config();
        ProgressBar progress = new ProgressBar(err, ProgressBar.stderrIsTerminal(), "fit", config.budgetSeconds(),
                config.maxEvaluations());
        progress.start(config.optimizer());
        FitResult result = job.run(progress::update);
        progress.finish(String.format(Locale.ROOT, "%s: %s after %d iterations, %s; best loss %s",
                config.optimizer(), result.stopReason(), result.iterations(),
                ProgressBar.elapsed(result.wallSeconds()), ProgressBar.loss(result.loss())));
        return result;
    }

    private void printSummary(ResolvedProject resolved, FitConfig config, FitResult result, double rmse, Unit unit,
                              List<Path> written) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "project      %s (model %s, %d sweeps)%n", FitOptions.projectName(resolved),
                resolved.model().name(), resolved.sweeps());
        o.printf(Locale.ROOT, "optimizer    %s%n", FitOptions.describe(config));
        o.println();
        Map<String, Double> truth = resolved.project().target() == null ? null
                : resolved.project().target().syntheticParameters();
        List<String[]> rows = new ArrayList<>();
        rows.add(truth == null ? new String[] {"parameter", "unit", "fitted", "lower", "upper"}
                : new String[] {"parameter", "unit", "fitted", "lower", "upper", "target"});
        for (FreeParameter p : config.free()) {
            String[] row = {p.name(), p.unit() == null ? "" : p.unit(), significant(result.params().get(p.name())),
                    significant(p.lower()), significant(p.upper())};
            if (truth != null) {
                // A synthetic target made from these values: parameters it does not name keep the model's value.
                double t = truth.getOrDefault(p.name(), resolved.spec().parameters().get(p.index()).value());
                row = new String[] {row[0], row[1], row[2], row[3], row[4], significant(t)};
            }
            rows.add(row);
        }
        TextTable.print(o, rows, 2);
        o.println();
        o.printf(Locale.ROOT, "loss         %s%n", ProgressBar.loss(result.loss()));
        o.printf(Locale.ROOT, "RMSE         %s %s (all samples, all sweeps)%n", significant(rmse), unit.symbol());
        o.printf(Locale.ROOT, "evaluations  %d%n", result.evaluations());
        o.printf(Locale.ROOT, "diverged     %d%n", result.divergedEvaluations());
        o.printf(Locale.ROOT, "iterations   %d%n", result.iterations());
        o.printf(Locale.ROOT, "wall time    %.2f s%n", result.wallSeconds());
        Map<String, List<Double>> bounds = new java.util.LinkedHashMap<>();
        config.free().forEach(p -> bounds.put(p.name(), List.of(p.lower(), p.upper())));
        o.printf(Locale.ROOT, "stopped      %s%n", StopExplanation.of(result.stopReason(), result.iterations(),
                result.params(), bounds, java.util.ResourceBundle.getBundle("org.brainfx.ui.messages")));
        o.printf(Locale.ROOT, "wrote        %s%n", written.get(0));
        for (Path p : written.subList(1, written.size())) {
            o.printf(Locale.ROOT, "             %s%n", p);
        }
        o.flush();
    }

    /** A number as the fit report prints it (see {@link Numbers#significant}). */
    static String significant(double v) {
        return Numbers.significant(v);
    }
}
