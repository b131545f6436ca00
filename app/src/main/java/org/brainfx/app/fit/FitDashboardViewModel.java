package org.brainfx.app.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.brainfx.app.charts.SweepOverlay;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.report.FitSummary;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitProgress;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.project.SavedFit;
import org.brainfx.engine.sim.NonFiniteStateException;
import org.brainfx.engine.sim.SimulationResult;

/**
 * The fit dashboard's state: the project's fit settings ({@link FitSettingsForm}), what the buttons
 * may do and why Start may not, the status line, the live data of a running fit (best candidate's
 * voltage, every start's loss, parameter trajectories), and the results once it ends.
 *
 * <p>A fit always runs what the project says, resolved by the {@link ProjectSession}.
 */
public final class FitDashboardViewModel {

    /** Sweeps drawn by default; more make each panel too short to read. */
    static final int DEFAULT_SWEEPS_SHOWN = 3;
    private static final int DEFAULT_COLUMNS = 800;

    /** A finished fit with what the results need beyond the engine's result. */
    private record Outcome(FitConfig config, FitResult result, double rmse) { }

    private final ProjectSession session;
    private final ProjectDocument document;
    private final FitJobRunner runner;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final FitSettingsForm form;
    private final ReadOnlyObjectWrapper<FitConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper configProblem = new ReadOnlyStringWrapper(this, "configProblem", "");
    private final StringBinding startBlockedReason;
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStop;
    private final BooleanBinding canApply;
    private final BooleanBinding canExport;
    private final StringBinding status;
    private final ObservableList<ParameterRow> results = FXCollections.observableArrayList();
    private final ObservableList<SweepLossRow> sweepLosses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<TrajectoryPoint> trajectories = FXCollections.observableArrayList();
    private final ObservableList<String> trajectoryNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<double[]> startLosses = new ReadOnlyObjectWrapper<>(this, "startLosses");
    private final ObservableList<Integer> selectedSweeps = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper sweepCount = new ReadOnlyIntegerWrapper(this, "sweepCount");
    private final ReadOnlyStringWrapper targetUnit = new ReadOnlyStringWrapper(this, "targetUnit", "");
    private final IntegerProperty plotColumns = new SimpleIntegerProperty(this, "plotColumns", DEFAULT_COLUMNS);
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper(this, "resultSummary", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final CandidateTraces traces;
    private FitConfig running;
    private FitSettings runningSettings;
    private final ReadOnlyBooleanWrapper sweepFocused = new ReadOnlyBooleanWrapper(this, "sweepFocused");
    // The sweeps shown before one was focused; null when none is.
    private List<Integer> beforeFocus;
    // The project right after "Apply fitted parameters": the note that Undo restores the earlier values holds until it changes.
    private Project applied;
    private final ReadOnlyObjectWrapper<SavedFit> shownSaved = new ReadOnlyObjectWrapper<>(this, "shownSaved");
    private Map<String, Double> startValues = Map.of();
    private double[] lastDrawnPoint;

    /**
     * A dashboard for the session's project.
     *
     * @param session    the open project and its resolved form
     * @param runner     runs the fits and reports their progress on the UI thread
     * @param messages   the workbench's strings
     * @param background where simulations for the charts, result summaries and exports run
     * @param ui         where their results are published (the FX thread; direct in tests)
     */
    public FitDashboardViewModel(ProjectSession session, FitJobRunner runner, ResourceBundle messages,
                                 Executor background, UiExecutor ui) {
        this.session = session;
        this.document = session.document();
        this.runner = runner;
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.traces = new CandidateTraces(background, ui);
        this.form = new FitSettingsForm(session, messages);

        document.projectProperty().addListener((obs, old, now) -> projectChanged(old, now));
        session.resolvedProperty().addListener((obs, old, now) -> resolvedChanged());
        session.errorProperty().addListener((obs, old, now) -> refreshConfig());
        session.resolvingProperty().addListener((obs, old, now) -> refreshConfig());

        var state = runner.stateProperty();
        startBlockedReason = Bindings.createStringBinding(this::blockedReason, form.settingsProblemProperty(), configProblem, config,
                state);
        canStart = Bindings.createBooleanBinding(() -> startBlockedReason.get().isEmpty() && config.get() != null
                && !state.get().active(), config,
                startBlockedReason, state);
        canPause = Bindings.createBooleanBinding(() -> state.get() == FitJobRunner.State.RUNNING, state);
        canResume = Bindings.createBooleanBinding(() -> state.get() == FitJobRunner.State.PAUSED, state);
        canStop = Bindings.createBooleanBinding(() -> state.get().active(), state);
        canApply = Bindings.createBooleanBinding(() -> !state.get().active()
                && !results.isEmpty() && results.stream().allMatch(r -> Double.isFinite(r.value())),
                state, results);
        canExport = Bindings.createBooleanBinding(() -> !state.get().active() && outcome.get() != null, state, outcome);
        status = Bindings.createStringBinding(this::statusText, state, runner.iterationProperty(),
                runner.maxIterationsProperty(), runner.evaluationsProperty(), runner.elapsedSecondsProperty(),
                runner.bestLossProperty(), runner.resultProperty(), runner.errorProperty(), config);
        runner.progressProperty().addListener((obs, old, now) -> progressed(now));
        runner.resultProperty().addListener((obs, old, now) -> showResult(now));
        selectedSweeps.addListener((ListChangeListener<Integer>) c -> {
            if (sweepFocused.get() && selectedSweeps.size() != 1) {
                // The user chose sweeps by hand: the focus is over.
                beforeFocus = null;
                sweepFocused.set(false);
            }
            redraw();
        });
        plotColumns.addListener((obs, old, now) -> redraw());
        resolvedChanged();
    }

    // ---- settings and the project ----

    private void projectChanged(Project before, Project now) {
        form.projectChanged(before, now);
        if (applied != null && now != applied) {
            applied = null;
            if (notice.get().equals(text("fit.applied"))) {
                notice.set("");
            }
        }
        if (shownSaved.get() != null && !now.savedFits().contains(shownSaved.get())) {
            // The shown result was deleted (or its keeping undone): nothing left to show for it.
            shownSaved.set(null);
            results.clear();
            sweepLosses.clear();
            resultSummary.set("");
        }
    }

    private void resolvedChanged() {
        ResolvedProject r = session.resolved();
        if (r != null && r.targetState() != null) {
            targetUnit.set(r.model().checked().states().get(r.model().stateIndex(r.targetState())).unit().symbol());
        }
        form.resolvedChanged();
        int sweeps = r == null ? 0 : r.sweeps();
        if (sweeps != sweepCount.get()) {
            sweepCount.set(sweeps);
            List<Integer> shown = new ArrayList<>();
            for (int s = 0; s < Math.min(sweeps, DEFAULT_SWEEPS_SHOWN); s++) {
                shown.add(s);
            }
            selectedSweeps.setAll(shown);
        }
        refreshConfig();
        if (!runner.stateProperty().get().active() && runner.resultProperty().get() == null) {
            redraw();
            List<SavedFit> kept = document.project().savedFits();
            if (r != null && results.isEmpty() && !kept.isEmpty()) {
                // A reopened project shows its latest kept result, as when that fit had just ended.
                showSaved(kept.get(kept.size() - 1));
            }
        }
    }

    private void refreshConfig() {
        ResolvedProject r = session.resolved();
        FitConfig c = null;
        String problem;
        if (session.resolvingProperty().get()) {
            problem = text("fit.blocked.resolving");
        } else if (!session.errorProperty().get().isEmpty()) {
            problem = MessageFormat.format(text("fit.blocked.project"), session.errorProperty().get());
        } else if (r == null) {
            problem = text("fit.blocked.resolving");
        } else {
            try {
                c = FitConfig.of(r);
                problem = "";
            } catch (RuntimeException e) {
                problem = MessageFormat.format(text("fit.blocked.project"), String.valueOf(e.getMessage()));
            }
        }
        config.set(c);
        configProblem.set(problem);
    }

    private String blockedReason() {
        if (runner.stateProperty().get().active()) {
            return "";
        }
        String settingsProblem = form.settingsProblemProperty().get();
        if (!settingsProblem.isEmpty()) {
            return MessageFormat.format(text("fit.blocked.settings"), settingsProblem);
        }
        return configProblem.get();
    }

    // ---- running ----

    /** Starts a fit of the project as it is now; does nothing unless {@link #canStartProperty()} holds. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        FitConfig c = config.get();
        running = c;
        runningSettings = document.project().fit();
        shownSaved.set(null);
        Map<String, Double> before = new LinkedHashMap<>();
        for (FreeParameter p : c.free()) {
            before.put(p.name(), c.project().spec().parameters().get(p.index()).value());
        }
        startValues = before;
        trajectories.clear();
        trajectoryNames.setAll(c.free().stream().map(FreeParameter::name).toList());
        startLosses.set(null);
        outcome.set(null);
        resultSummary.set("");
        lastDrawnPoint = null;
        notice.set("");
        runner.start(c);
    }

    /** Pauses the running fit. */
    public void pause() {
        runner.pause();
    }

    /** Resumes the paused fit. */
    public void resume() {
        runner.resume();
    }

    /** Stops the fit, keeping the best point so far as its result. */
    public void stop() {
        runner.cancel();
    }

    private void progressed(FitProgress p) {
        if (p == null || running == null) {
            return;
        }
        double[] losses = Arrays.stream(p.startLosses()).filter(Double::isFinite).sorted().toArray();
        startLosses.set(losses);
        if (p.bestPoint() != null) {
            addTrajectoryPoint(p.iteration(), p.bestPoint());
            if (!Arrays.equals(p.bestPoint(), lastDrawnPoint)) {
                lastDrawnPoint = p.bestPoint();
                redraw();
            }
        }
    }

    private void addTrajectoryPoint(int iteration, double[] best) {
        List<FreeParameter> free = running.free();
        double[] fractions = new double[free.size()];
        for (int d = 0; d < fractions.length; d++) {
            FreeParameter fp = free.get(d);
            fractions[d] = (best[d] - fp.lower()) / (fp.upper() - fp.lower());
        }
        TrajectoryPoint point = new TrajectoryPoint(iteration, fractions);
        if (!trajectories.isEmpty() && trajectories.get(trajectories.size() - 1).iteration() >= iteration) {
            trajectories.set(trajectories.size() - 1, point);
        } else {
            trajectories.add(point);
        }
    }

    /** Asks for the chart's traces again: the best candidate while fitting, the fit after, the project before. */
    private void redraw() {
        ResolvedProject r = running != null ? running.project() : session.resolved();
        if (r == null) {
            return;
        }
        FitJob job = runner.job();
        FitJobRunner.State state = runner.stateProperty().get();
        boolean fitting = running != null && job != null && job.config() == running
                && (state.active() || runner.resultProperty().get() != null);
        double[] point = fitting ? lastDrawnPoint : null;
        String label = !fitting ? text("fit.chart.voltage.project")
                : runner.resultProperty().get() != null ? text("fit.chart.voltage.fit") : text("fit.chart.voltage.best");
        traces.request(new CandidateTraces.Request(r, fitting && point != null ? job.problem() : null, point,
                List.copyOf(selectedSweeps), Math.max(1, plotColumns.get()), label));
    }

    // ---- results ----

    private void showResult(FitResult r) {
        if (r == null || running == null) {
            if (shownSaved.get() == null) {
                results.clear();
                sweepLosses.clear();
            }
            return;
        }
        FitConfig c = running;
        ResolvedProject project = c.project();
        List<ParameterRow> rows = new ArrayList<>();
        double[] best = new double[c.free().size()];
        for (int d = 0; d < best.length; d++) {
            FreeParameter p = c.free().get(d);
            Double value = r.params().get(p.name());
            best[d] = value == null ? Double.NaN : value;
            rows.add(new ParameterRow(p.name(), best[d], p.unit() == null ? "" : p.unit(), p.lower(), p.upper(),
                    startValues.getOrDefault(p.name(), Double.NaN), KeptResults.truth(project, p.name())));
        }
        results.setAll(rows);
        int[] targetSpikes = KeptResults.targetSpikes(project);
        sweepLosses.setAll(KeptResults.sweepRows(r.perSweepLoss(), null, targetSpikes, null));
        SavedFit kept = SavedFit.of(r, runningSettings, Instant.now(), null, targetSpikes, null);
        if (Arrays.stream(best).allMatch(Double::isFinite)) {
            addTrajectoryPoint(r.iterations(), best);
            lastDrawnPoint = best;
            redraw();
            summarize(runner.job(), c, r, best, kept);
        } else {
            keep(kept);
            resultSummary.set(summaryText(kept, Double.NaN));
        }
    }

    /** Simulates the best point off the UI thread for the RMSE and spike columns and the JSON export, then keeps the result. */
    private void summarize(FitJob job, FitConfig c, FitResult r, double[] best, SavedFit kept) {
        background.execute(() -> {
            double[] rmse;
            int[] spikes;
            try {
                SimulationResult fitted = job.problem().simulate(best);
                Unit unit = c.project().model().checked().states()
                        .get(c.project().model().stateIndex(c.project().targetState())).unit();
                rmse = job.problem().rmsePerSweep(fitted);
                for (int s = 0; s < rmse.length; s++) {
                    rmse[s] /= unit.toInternalFactor();
                }
                spikes = new int[rmse.length];
                for (int s = 0; s < spikes.length; s++) {
                    spikes[s] = fitted.spikeCount(s);
                }
            } catch (NonFiniteStateException e) {
                rmse = null;
                spikes = null;
            }
            double[] perSweep = rmse;
            int[] fittedSpikes = spikes;
            ui.execute(() -> {
                if (runner.resultProperty().get() != r) {
                    return;
                }
                double total = Double.NaN;
                if (perSweep != null) {
                    double sum = 0;
                    for (double v : perSweep) {
                        sum += v * v;
                    }
                    total = Math.sqrt(sum / perSweep.length);
                }
                SavedFit simulated = kept.withSimulation(perSweep, fittedSpikes);
                sweepLosses.setAll(KeptResults.sweepRows(r.perSweepLoss(), perSweep, KeptResults.targetSpikes(c.project()),
                        fittedSpikes));
                outcome.set(new Outcome(c, r, total));
                resultSummary.set(summaryText(simulated, total));
                keep(simulated);
            });
        });
    }

    /** Adds {@code kept} to the project's results (one undoable edit); it is what the dashboard shows. */
    private void keep(SavedFit kept) {
        int number = document.project().savedFits().size() + 1;
        document.edit(MessageFormat.format(text("fit.edit.keep"), number), p -> ProjectEdits.withResultAdded(p, kept));
        shownSaved.set(kept);
    }

    private String summaryText(SavedFit s, double rmse) {
        Map<String, List<Double>> bounds = s.settings() != null && s.settings().free() != null ? s.settings().free()
                : running == null ? Map.of() : KeptResults.bounds(running.free());
        return MessageFormat.format(text("fit.results.summary"), Numbers.significant(s.loss()),
                Numbers.significant(rmse), targetUnit.get(),
                StopExplanation.of(s.stopReason(), s.iterations(), s.params(), bounds, messages), s.evaluations(),
                String.format(Locale.ROOT, "%.1f s", s.wallSeconds()));
    }

    /**
     * Shows a result the project keeps (e.g. after reopening it) in the results tables, as when its
     * fit had just ended; does nothing while a fit runs.
     */
    public void showSaved(SavedFit saved) {
        if (saved == null || runner.stateProperty().get().active()) {
            return;
        }
        ResolvedProject r = session.resolved();
        results.setAll(KeptResults.parameterRows(saved, r));
        sweepLosses.setAll(KeptResults.sweepRows(saved));
        double rmse = Double.NaN;
        if (saved.perSweepRmse() != null && !saved.perSweepRmse().isEmpty()) {
            double sum = 0;
            for (double v : saved.perSweepRmse()) {
                sum += v * v;
            }
            rmse = Math.sqrt(sum / saved.perSweepRmse().size());
        }
        resultSummary.set(MessageFormat.format(text("fit.results.saved"), Numbers.shortDate(saved.date()), saved.version(),
                summaryText(saved, rmse)));
        shownSaved.set(saved);
    }

    /** The kept result the results tables show, or null (a fit not yet kept, or none). */
    public ReadOnlyObjectProperty<SavedFit> shownSavedProperty() {
        return shownSaved.getReadOnlyProperty();
    }

    /** Writes the fitted parameters into the project (one undoable edit named "Apply fitted parameters"). */
    public void applyBestParameters() {
        if (!canApply.get()) {
            return;
        }
        Map<String, Double> fitted = new LinkedHashMap<>();
        for (ParameterRow row : results) {
            fitted.put(row.name(), row.value());
        }
        String outside = session.resolved() == null ? "" : outsideModelBounds(session.resolved().spec(), fitted, messages);
        if (!outside.isEmpty()) {
            // Written anyway, the project would fail its own model check and stop resolving.
            notice.set(MessageFormat.format(text("fit.apply.outside"), outside));
            return;
        }
        document.edit(text("fit.edit.apply"), p -> {
            Map<String, Double> values = new LinkedHashMap<>(p.parameters() == null ? Map.of() : p.parameters());
            values.putAll(fitted);
            return ProjectEdits.withParameters(p, values);
        });
        applied = document.project();
        notice.set(text("fit.applied"));
    }

    /** The fitted values the model's own bounds do not allow, as "b = 0.57 nA (model: 0 to 0.5)"; "" when none. */
    static String outsideModelBounds(org.brainfx.engine.model.ModelSpec spec, Map<String, Double> fitted,
                                     ResourceBundle messages) {
        List<String> out = new ArrayList<>();
        for (org.brainfx.engine.model.ParameterSpec ps : spec.parameters()) {
            Double v = fitted.get(ps.name());
            if (v != null && (ps.lower() != null && v < ps.lower() || ps.upper() != null && v > ps.upper())) {
                out.add(MessageFormat.format(messages.getString("fit.apply.outside.one"), ps.name(), Numbers.significant(v),
                        ps.unit(), ps.lower() == null ? "\u2212\u221e" : Numbers.significant(ps.lower()),
                        ps.upper() == null ? "\u221e" : Numbers.significant(ps.upper())));
            }
        }
        return String.join(", ", out);
    }

    /** Writes the results table as CSV to {@code file} in the background; the outcome is a notice or a failure. */
    public void exportCsv(Path file) {
        String csv = ResultsCsv.of(List.copyOf(results));
        write(file, csv);
    }

    /** Writes the result as JSON in the shape of {@code brainfx fit --json} to {@code file} in the background. */
    public void exportJson(Path file) {
        Outcome o = outcome.get();
        if (o == null) {
            return;
        }
        write(file, FitSummary.of(o.result(), o.rmse()).toJson() + System.lineSeparator());
    }

    private void write(Path file, String content) {
        background.execute(() -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, content, StandardCharsets.UTF_8);
                ui.execute(() -> notice.set(MessageFormat.format(text("fit.exported"), file.getFileName())));
            } catch (IOException | RuntimeException e) {
                String why = MessageFormat.format(text("fit.export.failed"), file, String.valueOf(e.getMessage()));
                ui.execute(() -> failure.set(why));
            }
        });
    }

    // ---- status ----

    private String statusText() {
        FitJobRunner.State state = runner.stateProperty().get();
        if (state == FitJobRunner.State.IDLE) {
            FitConfig c = config.get();
            return c == null ? text("fit.status.notReady")
                    : MessageFormat.format(text("fit.status.idle"), c.free().size(), projectName());
        }
        if (state == FitJobRunner.State.FAILED) {
            Throwable e = runner.errorProperty().get();
            return MessageFormat.format(text("fit.status.failed"), e == null ? "" : String.valueOf(e.getMessage()));
        }
        String word = text("fit.state." + state.name().toLowerCase(Locale.ROOT));
        FitResult r = runner.resultProperty().get();
        if (r != null) {
            word = word + ": " + StopExplanation.brief(r.stopReason(), r.iterations(), r.params(),
                    running == null ? Map.of() : KeptResults.bounds(running.free()), messages);
        }
        double loss = runner.bestLossProperty().get();
        return MessageFormat.format(text("fit.status"), word,
                String.valueOf(runner.iterationProperty().get()), String.valueOf(runner.maxIterationsProperty().get()),
                String.valueOf(runner.evaluationsProperty().get()),
                String.format(Locale.ROOT, "%.1f s", runner.elapsedSecondsProperty().get()),
                Double.isFinite(loss) ? String.format(Locale.ROOT, "%.4g", loss) : "\u2014");
    }

    private String text(String key) {
        return messages.getString(key);
    }

    // ---- accessors ----

    /** The project's fit settings as a form. */
    public FitSettingsForm form() {
        return form;
    }

    /** The project's name (its file name when it has none). */
    public String projectName() {
        String name = document.project().name();
        return name == null || name.isBlank() ? document.file().getFileName().toString() : name;
    }

    /** The runner, for its history list, state and error. */
    public FitJobRunner runner() {
        return runner;
    }
















    /** Why Start is disabled (invalid settings, a project that cannot be fitted or is still loading); empty otherwise. */
    public StringBinding startBlockedReasonProperty() {
        return startBlockedReason;
    }

    /** What Start would run: the resolved project's fit configuration; null while it is loading or cannot be fitted. */
    public ReadOnlyObjectProperty<FitConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** True when the settings are valid, the project resolved into a fit, and no fit is running or paused. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** True while a fit runs. */
    public BooleanBinding canPauseProperty() {
        return canPause;
    }

    /** True while a fit is paused. */
    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    /** True while a fit runs or is paused. */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** True once a fit ended with finite parameters that can be written into the project. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** True once a fit ended and its summary (with RMSE) is ready to export. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** "State · iteration i/n · evaluations · elapsed · best loss", or why the fit failed. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The fitted parameters of the last fit, empty until one ends. */
    public ObservableList<ParameterRow> results() {
        return results;
    }

    /** The last fit's loss (and RMSE once simulated) per sweep. */
    public ObservableList<SweepLossRow> sweepLosses() {
        return sweepLosses;
    }

    /** The best parameters after each shown update of the running fit, as fractions of their bounds. */
    public ObservableList<TrajectoryPoint> trajectories() {
        return trajectories;
    }

    /** The parameters of the running (or last) fit in {@link TrajectoryPoint#fractions()} order, with bounds and units. */
    public List<FreeParameter> trajectoryParameters() {
        return running == null ? List.of() : running.free();
    }

    /** Names of the parameters in {@link TrajectoryPoint#fractions()} order. */
    public ObservableList<String> trajectoryNames() {
        return trajectoryNames;
    }

    /** Every start's (or population member's) current loss, finite ones only, ascending; null before a fit. */
    public ReadOnlyObjectProperty<double[]> startLossesProperty() {
        return startLosses.getReadOnlyProperty();
    }

    /** Sweep numbers (from 0) the voltage chart shows, ascending. */
    public ObservableList<Integer> selectedSweeps() {
        return selectedSweeps;
    }

    /** Shows only {@code sweep} (from 0) in the voltage chart, remembering the sweeps shown before. */
    public void focusSweep(int sweep) {
        if (sweep < 0 || sweep >= sweepCount.get()) {
            return;
        }
        if (beforeFocus == null) {
            beforeFocus = List.copyOf(selectedSweeps);
        }
        selectedSweeps.setAll(sweep);
        sweepFocused.set(true);
    }

    /** Shows the sweeps shown before {@link #focusSweep} again. */
    public void unfocusSweep() {
        if (beforeFocus != null) {
            List<Integer> back = beforeFocus;
            beforeFocus = null;
            selectedSweeps.setAll(back);
        }
        sweepFocused.set(false);
    }

    /** True while one sweep is shown alone by {@link #focusSweep}. */
    public ReadOnlyBooleanProperty sweepFocusedProperty() {
        return sweepFocused.getReadOnlyProperty();
    }

    /** Number of sweeps of the resolved project (0 before it resolves). */
    public ReadOnlyIntegerProperty sweepCountProperty() {
        return sweepCount.getReadOnlyProperty();
    }

    /** The declared unit of the fitted state, e.g. "mV" ("" before the project resolves). */
    public ReadOnlyStringProperty targetUnitProperty() {
        return targetUnit.getReadOnlyProperty();
    }

    /** Pixel columns the voltage chart spans, so traces are decimated to what can be seen. */
    public IntegerProperty plotColumnsProperty() {
        return plotColumns;
    }

    /** The voltage chart's traces, computed off the UI thread. */
    public ReadOnlyObjectProperty<SweepOverlay> overlayProperty() {
        return traces.overlayProperty();
    }

    /** One line about the last fit's outcome (loss, RMSE, why it stopped, cost); empty until it is summarized. */
    public ReadOnlyStringProperty resultSummaryProperty() {
        return resultSummary.getReadOnlyProperty();
    }

    /** A short confirmation of the last action (applied, exported); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last failure of an export, for an alert; empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Clears {@link #failureProperty()} once it has been shown. */
    public void failureShown() {
        failure.set("");
    }

    /** The last fit's RMSE over all sweeps (declared unit), NaN until the fit has ended and been simulated. */
    public double rmse() {
        Outcome o = outcome.get();
        return o == null ? Double.NaN : o.rmse();
    }
}
