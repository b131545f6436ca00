package org.brainfx.app.fit;

import java.text.MessageFormat;
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
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitProgress;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.project.SavedFit;

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

    private final ProjectSession session;
    private final ProjectDocument document;
    private final FitJobRunner runner;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final FitSettingsForm form;
    private final FitResults results;
    private final ReadOnlyObjectWrapper<FitConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper configProblem = new ReadOnlyStringWrapper(this, "configProblem", "");
    private final StringBinding startBlockedReason;
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStop;
    private final StringBinding status;
    private final ObservableList<TrajectoryPoint> trajectories = FXCollections.observableArrayList();
    private final ObservableList<String> trajectoryNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<double[]> startLosses = new ReadOnlyObjectWrapper<>(this, "startLosses");
    private final ObservableList<Integer> selectedSweeps = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper sweepCount = new ReadOnlyIntegerWrapper(this, "sweepCount");
    private final ReadOnlyStringWrapper targetUnit = new ReadOnlyStringWrapper(this, "targetUnit", "");
    private final IntegerProperty plotColumns = new SimpleIntegerProperty(this, "plotColumns", DEFAULT_COLUMNS);
    private final CandidateTraces traces;
    private FitConfig running;
    private FitSettings runningSettings;
    private final ReadOnlyBooleanWrapper sweepFocused = new ReadOnlyBooleanWrapper(this, "sweepFocused");
    // The sweeps shown before one was focused; null when none is.
    private List<Integer> beforeFocus;
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
        this.results = new FitResults(session, runner, messages, background, ui, targetUnit.getReadOnlyProperty());

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
        results.projectChanged(now);
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
            if (r != null && results.parameterRows().isEmpty() && !kept.isEmpty()) {
                // A reopened project shows its latest kept result, as when that fit had just ended.
                results.showSaved(kept.get(kept.size() - 1));
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
        Map<String, Double> before = new LinkedHashMap<>();
        for (FreeParameter p : c.free()) {
            before.put(p.name(), c.project().spec().parameters().get(p.index()).value());
        }
        startValues = before;
        trajectories.clear();
        trajectoryNames.setAll(c.free().stream().map(FreeParameter::name).toList());
        startLosses.set(null);
        lastDrawnPoint = null;
        results.clearForRun(c);
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
            results.noFit();
            return;
        }
        double[] best = results.fitEnded(running, r, startValues, runningSettings, runner.job());
        if (best != null) {
            addTrajectoryPoint(r.iterations(), best);
            lastDrawnPoint = best;
            redraw();
        }
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

    /** The last fit's results (or a kept one's), applying and exporting them. */
    public FitResults results() {
        return results;
    }

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



    /** "State · iteration i/n · evaluations · elapsed · best loss", or why the fit failed. */
    public StringBinding statusProperty() {
        return status;
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





}
