package org.brainfx.app.cli;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.app.charts.ChartPngWriter;
import org.brainfx.app.charts.CompareChart;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.project.ProjectFiles;
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
            description = "Optimizers to race, comma-separated, from lbfgsb, adam, de, pso, cmaes, random"
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

    /** One row of the JSON table; {@code secondsToTarget} is null when no repeat reached the target. */
    record Row(String name, double lossMean, double lossSd, double wallSecondsMean, double wallSecondsSd,
               Double secondsToTarget) { }

    /** The JSON table. */
    record Table(List<Row> optimizers, Double target) { }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        List<String> names = FitOptions.checkedOptimizers(cl, "--optimizers", optimizers);
        FitOptions.checkPositive(cl, "--repeats", repeats);
        budget.check(cl);
        FitOptions.checkNonNegative(cl, "--target-loss", targetLoss);

        ResolvedProject resolved = ResolvedProject.load(project);
        FitConfig config = FitConfig.of(resolved).with(null, budget.starts, budget.maxIterations, null,
                budget.budgetSeconds, budget.seed, null);
        double target = targetLoss != null ? targetLoss : config.targetLoss();
        Comparison.Result result = quiet
                ? Comparison.run(config, names, repeats, target, new SilentProgress(), null)
                : runShowingProgress(config, names, target, cl.getErr());

        String name = FitOptions.projectName(resolved);
        Path dir = out != null ? out : Path.of("out", name);
        List<Path> written = new ArrayList<>(List.of(dir.resolve(PNG_FILE), dir.resolve(JSON_FILE)));
        ChartPngWriter.write(CompareChart.create(result, name + " — optimizers compared", subtitle(resolved, config)),
                written.get(0), CompareChart.WIDTH, CompareChart.HEIGHT);
        String table = jsonTable(result);
        TextFiles.write(written.get(1), table);
        if (json != null) {
            TextFiles.write(json, table);
            written.add(json);
        }
        print(resolved, config, result, written);
        return 0;
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

    /** The table in the JSON shape; nulls are written so every row has every field. */
    static String jsonTable(Comparison.Result result) {
        List<Row> rows = result.optimizers().stream().map(o -> new Row(o.name(), o.lossMean(), o.lossSd(),
                o.wallSecondsMean(), o.wallSecondsSd(), o.secondsToTarget())).toList();
        Gson gson = ProjectFiles.gson().newBuilder().serializeNulls().create();
        return gson.toJson(new Table(rows, result.target()));
    }

    private String subtitle(ResolvedProject resolved, FitConfig config) {
        String each = config.budgetSeconds() > 0
                ? FitCommand.significant(config.budgetSeconds()) + " s budget each"
                : "up to " + config.maxIterations() + " iterations each";
        return String.format(Locale.ROOT, "%s · %d %s per optimizer (seeds %d–%d) · %s · %d starts or population",
                resolved.model().name(), repeats, repeats == 1 ? "run" : "runs", config.seed(),
                config.seed() + repeats - 1, each, config.starts());
    }

    private void print(ResolvedProject resolved, FitConfig config, Comparison.Result result, List<Path> written) {
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
            String loss = ProgressBar.loss(s.lossMean()) + " ± " + String.format(Locale.ROOT, "%.1e", s.lossSd());
            String wall = String.format(Locale.ROOT, "%.2f ± %.2f s", s.wallSecondsMean(), s.wallSecondsSd());
            rows.add(withTarget
                    ? new String[] {s.name(), loss, wall, s.secondsToTarget() == null ? "—"
                            : String.format(Locale.ROOT, "%.2f s", s.secondsToTarget()),
                            s.reachedTarget() + "/" + s.repeats()}
                    : new String[] {s.name(), loss, wall});
        }
        TextTable.print(o, rows, 1);
        o.println();
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
