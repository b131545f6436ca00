package org.brainfx.app.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.brainfx.app.charts.ChartExport;
import org.brainfx.app.charts.LiveCompareChart;
import org.brainfx.app.export.ComparisonTable;
import org.brainfx.app.export.ExportFile;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.ResolvedProject;
import org.jfree.chart.JFreeChart;

/**
 * The Compare view's state: the race form with validation, what Start and Stop may do, the
 * progress line, the live chart of every run's best loss against wall time, the table of the
 * race with its winner marked, and the exports of table and chart.
 *
 * <p>The fit problem is the session's resolved project as it is when Start is pressed; numbers
 * are held as the text the user typed, so an invalid entry stays visible with a message.
 */
public final class CompareViewModel {

    /** Largest number of repeats accepted; more would make a race last far longer than anyone waits. */
    static final int MAX_REPEATS = 20;
    /** Largest wall-time budget per run, in seconds (an hour). */
    static final double MAX_BUDGET_SECONDS = 3600;
    /** The optimizers checked at first: the command line's default race. */
    static final List<String> DEFAULT_OPTIMIZERS = List.of("lbfgsb", "de", "pso", "cmaes", "random");
    static final String DEFAULT_BUDGET_SECONDS = "3";
    static final String DEFAULT_REPEATS = "3";
    /** Size of an exported chart in pixels, the command line's compare.png. */
    static final int EXPORT_WIDTH = 1100;
    static final int EXPORT_HEIGHT = 650;

    private final ProjectSession session;
    private final CompareRunner runner;
    private final ResourceBundle messages;
    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();
    private final StringProperty budgetSeconds = new SimpleStringProperty(this, "budgetSeconds", DEFAULT_BUDGET_SECONDS);
    private final StringProperty repeats = new SimpleStringProperty(this, "repeats", DEFAULT_REPEATS);
    private final StringProperty targetLoss = new SimpleStringProperty(this, "targetLoss", "");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyObjectWrapper<FitConfig> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ReadOnlyStringWrapper projectProblem = new ReadOnlyStringWrapper(this, "projectProblem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final LiveCompareChart chart;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canExport;
    private final BooleanBinding hasTarget;
    private final StringBinding status;
    private final StringBinding plan;
    private final DoubleBinding progress;
    private String defaultTarget = "";

    /**
     * A view-model racing on {@code session}'s project.
     *
     * @param session  the open project; its resolved value is the fit problem
     * @param runner   runs the races
     * @param messages the workbench's strings
     */
    public CompareViewModel(ProjectSession session, CompareRunner runner, ResourceBundle messages) {
        this.session = session;
        this.runner = runner;
        this.messages = messages;
        for (String name : FitConfig.OPTIMIZERS) {
            BooleanProperty p = new SimpleBooleanProperty(this, name, DEFAULT_OPTIMIZERS.contains(name));
            p.addListener((obs, old, now) -> validate());
            chosen.put(name, p);
        }
        for (StringProperty p : List.of(budgetSeconds, repeats, targetLoss)) {
            p.addListener((obs, old, now) -> validate());
        }
        session.resolvedProperty().addListener((obs, old, now) -> useProject(now));
        useProject(session.resolved());
        validate();
        chart = new LiveCompareChart(text("compare.chart.title"), text("compare.chart.empty"),
                text("compare.chart.time"), text("compare.chart.loss"));

        var state = runner.stateProperty();
        canStart = Bindings.createBooleanBinding(() -> base.get() != null && validationMessage.get().isEmpty()
                && !state.get().active(), base, validationMessage, state);
        canStop = Bindings.createBooleanBinding(() -> state.get().active() && !runner.stopRequestedProperty().get(),
                state, runner.stopRequestedProperty());
        canExport = Bindings.createBooleanBinding(() -> runner.resultProperty().get() != null
                && !runner.resultProperty().get().optimizers().isEmpty(), runner.resultProperty());
        hasTarget = Bindings.createBooleanBinding(() -> runner.raceProperty().get() != null
                ? runner.raceProperty().get().target() != null : parsedTarget().orElse(0.0) > 0,
                runner.raceProperty(), targetLoss);
        status = Bindings.createStringBinding(this::statusText, state, runner.runProperty(), runner.optimizerProperty(),
                runner.repeatProperty(), runner.runSecondsProperty(), runner.stopRequestedProperty(),
                runner.resultProperty(), runner.errorProperty(), runner.raceProperty(), base, projectProblem,
                session.errorProperty());
        List<Observable> planInputs = new ArrayList<>(List.of(validationMessage, budgetSeconds, repeats));
        planInputs.addAll(chosen.values());
        plan = Bindings.createStringBinding(this::planText, planInputs.toArray(Observable[]::new));
        progress = Bindings.createDoubleBinding(this::progressValue, state, runner.runProperty(),
                runner.runSecondsProperty());
        runner.rows().addListener((ListChangeListener<Comparison.OptimizerSummary>) c -> showRows());
        runner.resultProperty().addListener((obs, old, now) -> showRows());
        runner.raceProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chart.reset(now.optimizers(), now.budgetSeconds(), now.target(), subtitle(now));
            }
        });
        runner.curveProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chart.show(now.key(), now.optimizer(), now.points());
            }
        });
    }

    /** Starts a race with the form's settings; does nothing unless {@link #canStartProperty()} holds. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        notice.set("");
        runner.start(new CompareRunner.Race(base.get(), chosenOptimizers(), Integer.parseInt(repeats.get().trim()),
                Double.parseDouble(budgetSeconds.get().trim()), parsedTarget().orElse(0.0)));
    }

    /** Stops the race after the current round; optimizers whose runs finished keep their rows. */
    public void stop() {
        runner.cancel();
    }

    /** Writes the table as CSV (see {@link ComparisonTable#csv}). */
    public void exportCsv(Path file) throws IOException {
        ExportFile.write(file, ComparisonTable.csv(exportable()));
        notice.set(MessageFormat.format(text("compare.exported"), file));
    }

    /** Writes the table as JSON in {@code brainfx compare --json}'s shape. */
    public void exportJson(Path file) throws IOException {
        ExportFile.write(file, ComparisonTable.json(exportable()) + System.lineSeparator());
        notice.set(MessageFormat.format(text("compare.exported"), file));
    }

    /** Writes the chart as PNG or SVG, by the file's extension, at the command line's size. */
    public void exportChart(Path file) throws IOException {
        ChartExport.save(chart.chart(), file, EXPORT_WIDTH, EXPORT_HEIGHT);
        notice.set(MessageFormat.format(text("compare.exported"), file));
    }

    private Comparison.Result exportable() {
        Comparison.Result r = runner.resultProperty().get();
        if (r == null) {
            throw new IllegalStateException("no finished race to export yet");
        }
        return r;
    }

    private void useProject(ResolvedProject resolved) {
        if (resolved == null) {
            base.set(null);
            projectProblem.set("");
            return;
        }
        try {
            FitConfig config = FitConfig.of(resolved);
            String target = config.targetLoss() > 0 ? Double.toString(config.targetLoss()) : "";
            // A target the user typed stays; one that only came from the previous project follows the new one.
            if (targetLoss.get().equals(defaultTarget)) {
                targetLoss.set(target);
            }
            defaultTarget = target;
            projectProblem.set("");
            base.set(config);
        } catch (RuntimeException e) {
            base.set(null);
            projectProblem.set(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (chosenOptimizers().isEmpty()) {
            problems.add(text("compare.invalid.noOptimizer"));
        }
        String budget = budgetSeconds.get() == null ? "" : budgetSeconds.get().trim();
        if (!(parse(budget).orElse(Double.NaN) > 0 && parse(budget).orElse(Double.NaN) <= MAX_BUDGET_SECONDS)) {
            problems.add(MessageFormat.format(text("compare.invalid.budget"), String.format(Locale.ROOT, "%.0f",
                    MAX_BUDGET_SECONDS), budgetSeconds.get()));
        }
        int n;
        try {
            n = Integer.parseInt(repeats.get() == null ? "" : repeats.get().trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_REPEATS) {
            problems.add(MessageFormat.format(text("compare.invalid.repeats"), String.valueOf(MAX_REPEATS),
                    repeats.get()));
        }
        String target = targetLoss.get() == null ? "" : targetLoss.get().trim();
        if (!target.isEmpty() && !(parse(target).orElse(-1.0) >= 0)) {
            problems.add(MessageFormat.format(text("compare.invalid.target"), targetLoss.get()));
        }
        validationMessage.set(String.join(" ", problems));
    }

    private static Optional<Double> parse(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Double> parsedTarget() {
        String t = targetLoss.get() == null ? "" : targetLoss.get().trim();
        return t.isEmpty() ? Optional.empty() : parse(t).filter(v -> v >= 0);
    }

    private List<String> chosenOptimizers() {
        return chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    private void showRows() {
        CompareRunner.Race race = runner.raceProperty().get();
        List<Comparison.OptimizerSummary> summaries = List.copyOf(runner.rows());
        if (race == null || summaries.isEmpty()) {
            rows.clear();
            return;
        }
        // The winner is named once the race has ended; mid-race it would change from row to row.
        String best = runner.resultProperty().get() == null ? null
                : ComparisonTable.best(new Comparison.Result(summaries, race.target())).map(
                        Comparison.OptimizerSummary::name).orElse(null);
        List<CompareRow> out = new ArrayList<>();
        for (Comparison.OptimizerSummary s : summaries) {
            out.add(CompareRow.of(s, race.repeats(), MessageFormat.format(text("compare.runs.partial"),
                    String.valueOf(s.repeats()), String.valueOf(race.repeats())), s.name().equals(best)));
        }
        rows.setAll(out);
    }

    private String statusText() {
        CompareRunner.State state = runner.stateProperty().get();
        if (state == CompareRunner.State.RUNNING) {
            if (runner.stopRequestedProperty().get()) {
                return text("compare.status.stopping");
            }
            CompareRunner.Race race = runner.raceProperty().get();
            return MessageFormat.format(text("compare.status.running"), String.valueOf(runner.runProperty().get()),
                    String.valueOf(race.runs()), runner.optimizerProperty().get(),
                    String.valueOf(runner.repeatProperty().get()), seconds(runner.runSecondsProperty().get()),
                    seconds(race.budgetSeconds()));
        }
        if (state == CompareRunner.State.FAILED) {
            Throwable e = runner.errorProperty().get();
            return MessageFormat.format(text("compare.status.failed"), e == null ? "" : String.valueOf(e.getMessage()));
        }
        if (state == CompareRunner.State.FINISHED || state == CompareRunner.State.CANCELLED) {
            Comparison.Result r = runner.resultProperty().get();
            Optional<Comparison.OptimizerSummary> best = r == null ? Optional.empty() : ComparisonTable.best(r);
            String head = state == CompareRunner.State.FINISHED
                    ? MessageFormat.format(text("compare.status.finished"), runner.raceProperty().get().runs())
                    : MessageFormat.format(text("compare.status.cancelled"), r == null ? 0 : r.optimizers().size());
            return best.map(b -> head + " " + MessageFormat.format(text(r.target() != null && b.reachedTarget() > 0
                    ? "compare.status.bestTarget" : "compare.status.bestLoss"), b.name(),
                    ComparisonTable.loss(b.lossMean()), b.secondsToTarget() == null ? "" : seconds(b.secondsToTarget())))
                    .orElse(head);
        }
        if (!projectProblem.get().isEmpty()) {
            return MessageFormat.format(text("compare.status.unfittable"), projectProblem.get());
        }
        if (base.get() == null) {
            String error = session.errorProperty().get();
            return error == null || error.isEmpty() ? text("compare.status.noProject")
                    : MessageFormat.format(text("compare.status.unresolved"), error);
        }
        return MessageFormat.format(text("compare.status.idle"), base.get().free().size(), projectName(base.get()));
    }

    private String planText() {
        if (!validationMessage.get().isEmpty()) {
            return "";
        }
        int runs = chosenOptimizers().size() * Integer.parseInt(repeats.get().trim());
        double total = runs * Double.parseDouble(budgetSeconds.get().trim());
        return MessageFormat.format(text("compare.plan"), runs, duration(total));
    }

    private double progressValue() {
        CompareRunner.Race race = runner.raceProperty().get();
        if (race == null) {
            return 0;
        }
        if (runner.stateProperty().get() == CompareRunner.State.FINISHED) {
            return 1;
        }
        double within = Math.min(1, runner.runSecondsProperty().get() / race.budgetSeconds());
        return Math.max(0, (runner.runProperty().get() - 1 + within) / race.runs());
    }

    private String subtitle(CompareRunner.Race race) {
        long seed = race.base().seed();
        return MessageFormat.format(text("compare.chart.subtitle"), projectName(race.base()),
                race.repeats(), String.valueOf(seed), String.valueOf(seed + race.repeats() - 1),
                seconds(race.budgetSeconds()), String.valueOf(race.base().starts()));
    }

    private static String projectName(FitConfig config) {
        String name = config.project().project().name();
        return name == null || name.isBlank() ? config.project().file().getFileName().toString() : name;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
    }

    private static String duration(double s) {
        return s < 120 ? seconds(s)
                : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** Whether {@code optimizer} (one of {@link FitConfig#OPTIMIZERS}) takes part in the next race. */
    public BooleanProperty chosenProperty(String optimizer) {
        BooleanProperty p = chosen.get(optimizer);
        if (p == null) {
            throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; choose one of "
                    + FitConfig.OPTIMIZERS);
        }
        return p;
    }

    /** Wall-time budget of each run in seconds, as typed. */
    public StringProperty budgetSecondsProperty() {
        return budgetSeconds;
    }

    /** Runs per optimizer, as typed. */
    public StringProperty repeatsProperty() {
        return repeats;
    }

    /** Loss for the time-to-target column, as typed; empty for none. */
    public StringProperty targetLossProperty() {
        return targetLoss;
    }

    /** What is wrong with the form, one sentence per problem; empty when it is valid. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    /** The project's fit configuration the next race starts from; null while there is none. */
    public ReadOnlyObjectProperty<FitConfig> baseProperty() {
        return base.getReadOnlyProperty();
    }

    /** True when the form is valid, the project can be fitted and no race is running. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** True while a race runs and has not been asked to stop. */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** True once a race has ended with at least one row. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** True when the table has a time-to-target column (the race, or else the form, has a target). */
    public BooleanBinding hasTargetProperty() {
        return hasTarget;
    }

    /** What the race is doing, e.g. "Run 3 of 12: de, repeat 1 · 1.2 s of 3.0 s", or how it ended. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The size of the race the form describes, e.g. "15 runs · about 45 s"; empty while the form is invalid. */
    public StringBinding planProperty() {
        return plan;
    }

    /** Share of the race done, 0 to 1. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    /** The last export's confirmation, e.g. "Saved /tmp/compare.csv"; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** One row per optimizer whose runs are done. */
    public ObservableList<CompareRow> rows() {
        return rows;
    }

    /** The live chart of the race. */
    public JFreeChart chart() {
        return chart.chart();
    }

    /** The runner, for its state and error. */
    public CompareRunner runner() {
        return runner;
    }
}
